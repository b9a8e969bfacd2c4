"""Vocabulary the training corpus is drawn from: names, titles, journals, publishers, places, sites (hand-written)."""

from __future__ import annotations


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


def _words(text: str) -> list[str]:
    return text.split()


FAMILY = {
    "en": _words("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson "
                 "Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams "
                 "Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart "
                 "Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson "
                 "Wood Watson Brooks Bennett Gray James Hughes Price Sanders Myers Long Ross Foster O'Brien McCarthy "
                 "MacDonald Fitzgerald Barrett-Lennard Hamilton-Smith Kaplan Cooley Laruelle Stronski Mearsheimer"),
    "fr": _words("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel "
                 "Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet "
                 "François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin "
                 "Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen "
                 "Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noel Meyer Lucas Meunier Jean Perez Marchand"),
    "de": _words("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter "
                 "Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner "
                 "Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser "
                 "Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger"),
    "ru": _words("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков "
                 "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин "
                 "Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов "
                 "Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв "
                 "Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов "
                 "Караганов Лукин Лузянин Тренин Зуенко"),
    "ru-latn": _words("Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov "
                      "Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Luzyanin "
                      "Trenin Karaganov Lukin Zuenko Kumukov Laumulin Syroezhkin Kassenova Abgaryan Tokayev"),
    "zh": _words("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie "
                 "Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lü Ding "
                 "Ren Shen Yao Lu Jiang Cui Zhong Tan Lu Wang Fan Jin Shi Liao Jia Xia Wei Fu Fang Bai Zou Meng Xiong "
                 "Qin Qiu Jiang Yin Xue Yan Duan Lei Hou Long Shi Tao Li He Gu Mao Hao Gong Shao Wan Qian Yan Tan Wu"),
    "tr": _words("Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
                 "Çetin Kara Koç Kurt Özkan Şimşek Polat Öz Korkmaz Karakaya Erdem Güneş Bulut Acar Ünal Tekin "
                 "Kaplan Avcı Ocak Sümer İnalcık Kafesoğlu Ortaylı Karpat Davutoğlu Oran Kösebalaban Erşen"),
    "other": _words("Rossi Russo Ferrari Esposito Bianchi García Rodríguez González Fernández López Martínez "
                    "Silva Santos Ferreira Pereira Oliveira Kowalski Nowak Wiśniewski Novák Svoboda Horváth Nagy "
                    "Yılmaz Kaya Demir Çelik Şahin Aliyev Mammadov Nazarbayev Karimov Rahmonov Berdimuhamedow "
                    "Sato Suzuki Takahashi Tanaka Watanabe Kim Lee Park Choi Jung Nguyen Tran Pham Singh Kumar "
                    "Sharma Patel Khan Ahmed Hassan Ali Haddad Cohen Levi Andersson Johansson Hansen Jensen "
                    "van der Berg de Vries van Dijk Janssen de Jong Peeters"),
}
GIVEN = {
    "en": _words("James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew "
                 "Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Mary Patricia "
                 "Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley "
                 "Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Helen Alexander Philippe"),
    "fr": _words("Jean Pierre Michel André Philippe Alain Jacques Bernard Claude François Daniel Nicolas Patrick "
                 "Marie Nathalie Isabelle Sylvie Catherine Françoise Anne Christine Monique Valérie Sophie Céline "
                 "Jean-Pierre Jean-Paul Marie-Claire Anne-Sophie Hélène Gérard Yves Luc Thierry Éric"),
    "de": _words("Peter Michael Thomas Andreas Wolfgang Klaus Jürgen Stefan Christian Uwe Werner Hans Frank Bernd "
                 "Ursula Monika Petra Sabine Renate Helga Karin Brigitte Ingrid Gabriele Anja Katrin Hans-Jürgen "
                 "Karl-Heinz Dieter Matthias Heinrich"),
    "ru": _words("Александр Сергей Дмитрий Андрей Алексей Максим Иван Михаил Николай Владимир Елена Ольга Наталья "
                 "Татьяна Ирина Анна Мария Светлана Юлия Екатерина"),
    "ru-latn": _words("Alexander Sergey Dmitry Andrei Alexey Maxim Ivan Mikhail Nikolai Vladimir Elena Olga Natalia "
                      "Tatiana Irina Anna Maria Svetlana Yulia Ekaterina Albert Marlène"),
    "zh": _words("Wei Fang Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Juan Tao Ming Chao Xiuying Xia Ping Gang "
                 "Hui Lan Jian Xin Yu Hong Shaofeng Jinguang Yiwei Xiaoming Zhiqiang Huaqing"),
    "tr": _words("Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Serkan Özlem Ayşe Fatma Zeynep "
                 "Elif Emine Hatice Selin Derya Ahmet Yaşar Halil Baskın Tahsin Reşat Üçler Banu Nur İlber"),
    "other": _words("Giuseppe Marco Giovanni Maria José Juan Carlos Ana Luis Manuel João Piotr Anna Jan Tomáš "
                    "László Mehmet Ayşe Ilham Nursultan Islam Emomali Hiroshi Yuki Min-jun Ji-woo Minh Raj Priya "
                    "Ahmed Fatima Noa Erik Lars Sanne Pieter"),
}
ORGANISATIONS = _lines("""
World Bank
International Monetary Fund
OECD
United Nations Development Programme
Asian Development Bank
European Commission
Council of the European Union
World Health Organization
International Crisis Group
Human Rights Watch
Amnesty International
Carnegie Endowment for International Peace
Center for Strategic and International Studies
Brookings Institution
RAND Corporation
Chatham House
International Energy Agency
Ministry of Foreign Affairs of the People's Republic of China
Ministry of Foreign Affairs of the Republic of Kazakhstan
State Council Information Office
National Bureau of Statistics of China
U.S. Department of State
U.S. Energy Information Administration
Congressional Research Service
Shanghai Cooperation Organisation
Eurasian Economic Commission
OSCE
UNESCO
UNCTAD
Xinhua
Reuters
Associated Press
Agence France-Presse
BBC News
Radio Free Europe/Radio Liberty
The Economist
Kazinform
TASS
Interfax
Stiftung Wissenschaft und Politik
Institut français des relations internationales
Bundeszentrale für politische Bildung
Deutsche Gesellschaft für Auswärtige Politik
Министерство иностранных дел Российской Федерации
Росстат
Всемирный банк
中华人民共和国外交部
国家统计局
中国社会科学院
OEC
Statista
Global Times
""")
JOURNALS = _lines("""
Journal of Contemporary China
Europe-Asia Studies
Central Asian Survey
Post-Soviet Affairs
International Affairs
Foreign Affairs
The China Quarterly
The China Journal
Asian Survey
Problems of Post-Communism
Eurasian Geography and Economics
International Security
World Politics
American Political Science Review
Journal of Peace Research
Security Dialogue
Survival
The Washington Quarterly
Third World Quarterly
Energy Policy
Journal of Eurasian Studies
Caucasus Survey
Nationalities Papers
Journal of Asian Studies
Pacific Affairs
Review of International Political Economy
New Political Economy
Journal of Development Studies
World Development
Nature
Science
The Lancet
N Engl J Med
BMJ
PLoS One
J Clin Epidemiol
Proceedings of the National Academy of Sciences
IEEE Transactions on Software Engineering
Communications of the ACM
Journal of Economic Perspectives
Russia in Global Affairs
Contemporary Eurasia
Politique étrangère
Revue française de science politique
Hérodote
Critique internationale
Cahiers d'Asie centrale
Osteuropa
Zeitschrift für Politikwissenschaft
Politische Vierteljahresschrift
Internationale Politik
Вопросы экономики
Полис. Политические исследования
Мировая экономика и международные отношения
Вестник Московского университета. Серия 25: Международные отношения и мировая политика
Россия в глобальной политике
Восток. Афро-азиатские общества
国际问题研究
世界经济与政治
现代国际关系
俄罗斯东欧中亚研究
""")
NEWS_SITES = _lines("""
The New York Times
The Guardian
Financial Times
The Washington Post
Reuters
Bloomberg
The Diplomat
Eurasianet
RFE/RL
Nikkei Asia
South China Morning Post
China Daily
Global Times
Xinhua
People's Daily Online
The Astana Times
Kun.uz
24.kg
Asia-Plus
Trend News Agency
Civil.ge
Armenpress
Le Monde
Le Figaro
Libération
Frankfurter Allgemeine Zeitung
Süddeutsche Zeitung
Der Spiegel
Die Zeit
Коммерсантъ
Ведомости
РИА Новости
Известия
新华网
人民日报
The Conversation
Foreign Policy
War on the Rocks
Carnegie Politika
CSIS Commentary
Lawfare
""")
PUBLISHERS = _lines("""
Routledge
Oxford University Press
Cambridge University Press
Palgrave Macmillan
Springer
Brill
Princeton University Press
Harvard University Press
Yale University Press
Columbia University Press
Stanford University Press
University of Chicago Press
Cornell University Press
Georgetown University Press
Lynne Rienner
Rowman & Littlefield
I.B. Tauris
Hurst
Polity Press
Edward Elgar
Zed Books
Verso
Penguin
W. W. Norton
Gallimard
Seuil
Presses de Sciences Po
CNRS Éditions
Armand Colin
L'Harmattan
Karthala
Suhrkamp
C.H. Beck
Springer VS
Nomos
Campus Verlag
Ch. Links
Наука
Аспект Пресс
Издательский дом ВШЭ
МГИМО-Университет
Весь мир
社会科学文献出版社
中国社会科学出版社
北京大学出版社
人民出版社
Naval Institute Press
Brookings Institution Press
""")
PLACES = _lines("""
İstanbul
Ankara
İzmir
Konya
Opladen
Baden-Baden
Wiesbaden
Stuttgart
Nancy
Rennes
Санкт-Петербург
Новосибирск
Казань
London
New York
Oxford
Cambridge
Washington, DC
Cambridge, MA
Princeton, NJ
New Haven
Chicago
Ithaca, NY
Boulder, CO
Lanham, MD
Abingdon
Basingstoke
Cheltenham
Stanford, CA
Berkeley
Annapolis, MD
Paris
Berlin
Frankfurt am Main
München
Baden-Baden
Wiesbaden
Leiden
Amsterdam
Geneva
Brussels
Москва
М.
Санкт-Петербург
СПб.
Beijing
北京
上海
Almaty
Astana
Tashkent
Bishkek
""")
TITLE_EN = _lines("""
China's Belt and Road Initiative in Central Asia
The new great game revisited
Energy security and pipeline politics in the Caspian region
Authoritarian resilience in post-Soviet Eurasia
Beyond the Silk Road: trade, infrastructure and influence
Kazakhstan's multi-vector foreign policy
Debt, ports and power
Water conflicts in Central Asia
Russia and China: a strategic partnership?
Regional security after the Afghan withdrawal
The politics of connectivity
Sovereignty and development finance
How states borrow
Migration, remittances and the labour market
Public opinion on Chinese investment
Geoeconomics and the return of industrial policy
Local elites and foreign capital
Digital authoritarianism and surveillance exports
Climate change adaptation in arid regions
The rise of the Middle Corridor
Trade statistics and their discrepancies
Nationalism and state building
A history of the Caspian oil industry
Rethinking great power competition
Soft power with Chinese characteristics
Infrastructure diplomacy in the South Caucasus
Rail freight between China and Europe
Border disputes and their settlement
The Shanghai Cooperation Organisation at twenty
Why institutions matter
Governing natural resources
Evidence from household surveys
A comparative analysis of special economic zones
Land, labour and capital
Understanding sanctions
Counting the costs of corruption
What do we know about Chinese loans?
Environmental impact of mining
Youth unemployment and political protest
The making of a regional order
""")
TITLE_FR = _lines("""
La Chine en Asie centrale : une influence croissante
Les nouvelles routes de la soie
Géopolitique de la mer Caspienne
L'État et les élites au Kazakhstan
Puissance et dépendance énergétique
La diplomatie économique chinoise
Frontières et territoires dans l'espace post-soviétique
Une histoire de l'Asie centrale contemporaine
Les enjeux de l'eau en Ouzbékistan
Migrations et transferts de fonds
""")
TITLE_DE = _lines("""
Chinas Seidenstraßeninitiative in Zentralasien
Die Geopolitik des Kaspischen Meeres
Energiepolitik und Abhängigkeit
Autoritäre Herrschaft im postsowjetischen Raum
Zwischen Moskau und Peking
Handel, Infrastruktur und Einfluss
Die Außenpolitik Kasachstans
Grenzen und Konflikte im Südkaukasus
Wirtschaftliche Entwicklung und Migration
Eine Geschichte Zentralasiens
""")
TITLE_RU = _lines("""
Китай в Центральной Азии: экономическое присутствие и политическое влияние
Инициатива «Пояс и путь» и интересы России
Энергетическая политика стран Каспийского региона
Внешняя политика Казахстана
Проблемы региональной безопасности
Миграция и денежные переводы
Российско-китайское стратегическое партнёрство
Транспортные коридоры Евразии
Водные ресурсы Центральной Азии
Экономическая интеграция в ЕАЭС
""")
TITLE_ZH = _lines("""
中国与中亚国家关系研究
一带一路倡议与欧亚经济联盟对接
里海地区能源合作
上海合作组织的发展与前景
中亚地区安全形势分析
中国对外直接投资的风险
丝绸之路经济带建设研究
哈萨克斯坦多元外交政策
新时代中国周边外交
俄罗斯的中亚政策
""")
TITLE_EXTRA = _lines("""
Annual report
Statistical yearbook
Country report
Policy brief
Working paper
Joint statement
Press release
Fact sheet
Interview with the foreign minister
Speech at the opening session
""")
SERIES = _lines("""
Adelphi Papers
Carnegie Working Papers
SWP Research Paper
Notes de l'Ifri
Studies in Central Asia
Routledge Studies in Asian Politics
Lecture Notes in Computer Science
Que sais-je ?
İletişim Yayınları
Dergâh Yayınları
Yapı Kredi Yayınları
Türk Tarih Kurumu Yayınları
Kültür Bakanlığı Yayınları
Ötüken Neşriyat
Nobel Akademik Yayıncılık
Seçkin Yayıncılık
Beck
Nomos
Suhrkamp
Barbara Budrich Verlag
VS Verlag für Sozialwissenschaften
Presses de Sciences Po
La Découverte
L'Harmattan
Издательство Юрайт
Наука
Аспект Пресс
Издательство МГИМО
""")
TITLE_TR = _lines("""
Türk Dış Politikası: Kurtuluş Savaşından Bugüne Olgular, Belgeler, Yorumlar
Orta Asya'da Enerji Güvenliği ve Türkiye
Osmanlı İmparatorluğu'nda Kuruluş ve Yükseliş Dönemi
Küreselleşme Sürecinde Bölgesel İşbirliği Örgütleri
Hazar Havzası'nda Jeopolitik Rekabet
Türk Dünyasında Dil ve Kimlik
Çin'in Kuşak ve Yol Girişimi ve Avrasya
Soğuk Savaş Sonrası Kafkasya'da Güvenlik
Anadolu Selçukluları Döneminde Şehir ve Toplum
Göç, Kimlik ve Vatandaşlık Üzerine Bir İnceleme
""")
LANG_WEIGHTS = {"en": 56, "fr": 10, "de": 10, "ru": 8, "ru-latn": 6, "zh": 5, "tr": 5}
TITLES = {"en": TITLE_EN, "fr": TITLE_FR, "de": TITLE_DE, "ru": TITLE_RU, "ru-latn": TITLE_EN, "zh": TITLE_ZH,
          "tr": TITLE_TR}

# A small grammar for titles, so the labeller learns their shapes rather than a list of them.
NOUNS = {
    "en": _words("policy security energy trade investment development state power region border water migration "
                 "identity nationalism cooperation conflict integration infrastructure diplomacy economy reform "
                 "governance corruption elite market labour health education religion language memory war peace "
                 "order alliance strategy influence debt aid finance growth inequality democracy regime protest "
                 "media surveillance technology climate agriculture railway pipeline port corridor sanctions "
                 "evidence analysis perspective approach framework model data history politics society culture"),
    "fr": _words("politique sécurité énergie commerce investissement développement État puissance région frontière "
                 "eau migration identité coopération conflit intégration diplomatie économie réforme mémoire guerre "
                 "paix ordre stratégie influence dette histoire société culture enjeux"),
    "de": _words("Politik Sicherheit Energie Handel Investition Entwicklung Staat Macht Region Grenze Wasser "
                 "Migration Identität Zusammenarbeit Konflikt Integration Diplomatie Wirtschaft Reform Erinnerung "
                 "Krieg Frieden Ordnung Strategie Einfluss Geschichte Gesellschaft Kultur"),
    "tr": _words("politika güvenlik enerji ticaret yatırım kalkınma devlet güç bölge sınır göç kimlik işbirliği "
                 "çatışma entegrasyon diplomasi ekonomi reform hafıza savaş barış düzen strateji etki tarih toplum "
                 "kültür dönüşüm"),
    "ru": _words("политика безопасность энергетика торговля инвестиции развитие государство власть регион граница "
                 "вода миграция идентичность сотрудничество конфликт интеграция дипломатия экономика реформа "
                 "память война мир порядок стратегия влияние история общество культура"),
}
ADJECTIVES = {
    "en": _words("regional global new strategic economic political social historical comparative critical "
                 "Chinese Russian Kazakh Central Asian European post-Soviet Eurasian local national international "
                 "contested uneven sustainable informal digital hidden emerging changing"),
    "fr": _words("régional global nouveau stratégique économique politique social historique comparé chinois "
                 "russe centrasiatique européen post-soviétique local national international"),
    "de": _words("regionale globale neue strategische wirtschaftliche politische soziale historische chinesische "
                 "russische zentralasiatische europäische postsowjetische lokale nationale internationale"),
    "tr": _words("bölgesel küresel yeni stratejik ekonomik siyasal sosyal tarihsel karşılaştırmalı Türk Rus Çin "
                 "Avrasya yerel ulusal uluslararası"),
    "ru": _words("региональный глобальный новый стратегический экономический политический социальный "
                 "исторический китайский российский центральноазиатский европейский постсоветский"),
}
PROPER = _words("China Russia Kazakhstan Uzbekistan Kyrgyzstan Tajikistan Turkmenistan Azerbaijan Georgia Armenia "
                "Iran Turkey India Pakistan Afghanistan Mongolia Europe Eurasia Central-Asia the-Caucasus "
                "the-Caspian the-Silk-Road the-SCO the-EAEU the-BRI NATO the-EU the-United-States Japan Korea "
                "Xinjiang Siberia Beijing Moscow Astana Tashkent Baku Tbilisi Yerevan Almaty Bishkek")
ABBREVIATIONS = _words("HIV/AIDS COVID-19 GDP FDI BRI SCO EAEU CSTO NATO EU UN US WTO IMF OPEC CO2 ICT AI 5G")
PREPOSITIONS = {"en": _words("of in on for and between towards after under within against through from with "
                             "among beyond at by"),
                "fr": _words("de en pour et entre vers après sous dans contre à"),
                "de": _words("der in für und zwischen nach unter gegen durch aus mit"),
                "ru": _words("в на для и между после под против через из с"),
                "tr": _words("ve ile için üzerine arasında sonrası karşısında")}

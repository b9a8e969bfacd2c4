"""Word lists the reference labeller uses as features: months, given names, publishers, places, containers."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre "
    "januar februar märz april mai juni juli august september oktober november dezember "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "gennaio febbraio aprile maggio giugno luglio agosto settembre ottobre dicembre "
    "spring summer autumn fall winter printemps été automne hiver frühjahr sommer herbst winter"
    " şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık"
)
GIVEN_NAMES = _words(
    "aaron adam alan albert alex alexander alexandra alfred alice amy andrew angela ann anna anne anthony "
    "barbara ben benjamin bernard brian carl carlos carol catherine charles chris christian christine "
    "christopher daniel david deborah dennis donald edward elizabeth emily emma eric frank gary george "
    "helen henry hugh ian jack james jane janet jason jean jeffrey jennifer jessica joan john jonathan "
    "joseph joshua julia karen kate kenneth kevin laura linda lisa margaret maria mark martin mary matthew "
    "michael michelle nancy nicholas nicola patricia patrick paul peter philip rachel richard robert roger "
    "ruth ryan sam samuel sarah scott sean seth simon stephen steven susan thomas timothy tom william "
    "andré antoine bernard claude françois francois frédéric gérard henri jacques jean-pierre jean-paul "
    "louis luc marc marie michel nicolas philippe pierre renée sylvie yves "
    "andreas christoph dieter friedrich gabriele hans heinrich helmut jürgen karl klaus manfred stefan "
    "ulrich wolfgang "
    "aleksandr alexei alexey andrei anton boris dmitri dmitry elena igor irina ivan mikhail natalia "
    "nikolai olga pavel sergei sergey svetlana tatiana vladimir yuri "
    "александр алексей андрей анна борис владимир дмитрий елена иван игорь михаил наталья николай "
    "ольга павел сергей татьяна юрий "
    "ahmed ali fatima hassan mohammed muhammad omar "
    "chen hui jian jing li ling mei ming wei xiao yan yang ying yu zhang hiroshi kenji taro yuko "
    "giovanni giuseppe marco francesco josé juan luis miguel pablo"
    " mehmet mustafa ahmet hüseyin hasan murat emre ayşe fatma zeynep elif emine halil tahsin reşat"
)
PUBLISHER_WORDS = _words(
    "press publishing publishers publisher books verlag éditions editions edizioni editorial university "
    "universität université universidad routledge springer wiley elsevier penguin macmillan sage "
    "palgrave blackwell taylor francis norton harvard oxford cambridge brill gallimard seuil flammarion "
    "suhrkamp beck kohlhammer nauka наука издательство изд-во academic ltd inc co company books verso "
    "bloomsbury polity princeton yale chicago mit rowman littlefield ashgate pearson mcgraw-hill "
    "presses puf harmattan dunod armand colin hachette"
    " yayınları yayınevi yayıncılık kitabevi basımevi neşriyat nomos budrich юрайт норма питер стандартинформ изд. издательский"
)
PLACES = _words(
    "london new york paris berlin oxford cambridge washington boston chicago moscow москва м. спб "
    "санкт-петербург london/new beijing shanghai tokyo london: munich münchen frankfurt hamburg leipzig "
    "vienna wien zurich zürich geneva genève brussels bruxelles amsterdam rome roma milan madrid "
    "barcelona lisbon stockholm copenhagen oslo helsinki warsaw prague budapest istanbul ankara "
    "tehran delhi new mumbai singapore sydney melbourne toronto montreal montréal ottawa vancouver "
    "los angeles san francisco berkeley princeton philadelphia baltimore amsterdam leiden lyon "
    "bordeaux toulouse strasbourg marseille göttingen tübingen heidelberg bonn köln cologne stuttgart "
    "almaty astana bishkek tashkent dushanbe ashgabat baku tbilisi yerevan abingdon basingstoke "
    "cheltenham thousand oaks hoboken chichester newbury annapolis lanham westport santa barbara "
    "mass. calif. ny nj ma ca dc uk usa"
    " i̇stanbul i̇zmir izmir konya bursa trabzon opladen wiesbaden dessau nancy rennes lille grenoble nantes montpellier пенза саратов нальчик алматы новосибирск казань екатеринбург"
)
CONTAINER_WORDS = _words(
    "journal review quarterly bulletin annals annales proceedings transactions letters studies "
    "magazine times post news daily herald gazette tribune monde zeitung zeitschrift revue rivista "
    "revista вестник журнал известия вопросы affairs policy economics economic science sciences "
    "international research quarterly newsletter report reports yearbook jahrbuch cahiers archives "
    "conference symposium workshop congress"
    " dergisi ansiklopedisi bülteni araştırmaları sempozyumu kongresi actes handbuch ведомости сборник материалы труды записки encyclopedia encyclopédie"
)
ORG_WORDS = _words(
    "ministry department office agency commission committee council organisation organization "
    "institute institution foundation association society union bank fund centre center bureau "
    "government administration authority service corporation group network programme program "
    "world national federal european united nations republic state secretariat parliament"
    " bakanlığı üniversitesi kurumu enstitüsü министерство правительство университет институт"
)
FUNCTION_WORDS = _words(
    "the a an of and in on for to with from by at as is are its their our "
    "le la les des du de et en pour sur dans un une au aux "
    "der die das des dem den und im zur zum für von mit auf ein eine "
    "и в на по с о к для из от"
    " ve ile bir için bu"
)
LOCATOR_WORDS = _words(
    "p pp page pages s vol vols volume no nos nr number issue iss bd jg heft t tome n° № т с стр "
    "vyp вып part pt suppl ch chap chapter sec art article fig para"
    " cilt sayı ss sayfa"
)
EDITOR_WORDS = _words(
    "ed eds editor editors edited edn hrsg hg herausgegeben dir dirs éd éds red ред под trans transl "
    "tr translated übers trad coord comp"
    " haz hazırlayan çev çeviren derleyen editör édité пер сост отв"
)
WEB_WORDS = _words(
    "accessed retrieved available online consulted consulté abgerufen zugriff stand url doi internet "
    "web website blog дата обращения электронный ресурс viewed"
    " erişim çevrimiçi disponible ligne текст сайт режим доступа непосредственный"
)
# Words that tell a reference's language apart (labeller.foreign): English against German, French and Turkish. Not
# "de", "la", "van", "von", "der" alone: they open family names in every language ("van der Kley", "Le Corre").
ENGLISH_WORDS = _words("the of and in on for to with from by at an is are its their how what why between toward")
FOREIGN_WORDS = _words(
    "und die das dem den im zur zum für mit auf eine einer eines über bei hrsg hg aufl verlag band heft seite zugriff "
    "abgerufen stand jahrgang unter "
    "et les des du pour sur dans une au aux entre vers chez éd éds dir presses consulté ligne sous revue tome "
    "ve ile bir için bu olarak üzerine yayınları yayınevi erişim tarihi dergisi üniversitesi sayı cilt çev haz"
)

"""The words web pages use for chrome, notes, credits, bylines and dates, in English, Russian, French, German, Turkish
(and the dates, bylines and chrome of Spanish pages)."""

from __future__ import annotations

# Month names (and common abbreviations) → month number. Russian in the nominative and genitive, Turkish and
# German with and without their special letters (copied text sometimes loses them).
MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
    # Russian
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7, "август": 8,
    "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "сент": 9, "окт": 10, "ноя": 11,
    "нояб": 11, "дек": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12, "okt": 10, "dez": 12,
    # Turkish
    "ocak": 1, "şubat": 2, "subat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "mayis": 5, "haziran": 6,
    "temmuz": 7, "ağustos": 8, "agustos": 8, "eylül": 9, "eylul": 9, "ekim": 10, "kasım": 11, "kasim": 11,
    "aralık": 12, "aralik": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}

# "Published: …", "Опубликовано …", "Publié le …", "Veröffentlicht am …", "Yayınlanma tarihi: …"
DATE_LABELS = (
    r"date|dated|published(?: on)?|posted(?: on)?|first published|publication date|updated(?: on)?|"
    r"last updated|last modified|"
    r"дата(?: публикации)?|опубликовано|опубликован[оа]?|обновлено|размещено|"
    r"publié(?: le)?|publie(?: le)?|mis à jour(?: le)?|date de publication|"
    r"datum|veröffentlicht(?: am)?|publiziert(?: am)?|erschienen(?: am)?|aktualisiert(?: am)?|stand|"
    r"erstellt(?: am)?|geschrieben am|verfasst am|"
    r"tarih|yayınlanma tarihi|yayın tarihi|yayınlandı|güncelleme(?: tarihi)?|güncellendi|son güncelleme|"
    r"fecha(?: de publicación)?|publicado(?: el)?|actualizado(?: el)?"
)
# Words after the year that belong to the date: "17 февраля 2022 года", "17 февраля 2022 г.", "2022 yılı".
DATE_TAIL = r"(?:\s*(?:года|год|г\.|г\b|yılı|yil))?"
WEEKDAYS = (
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|"
    r"lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
)

# Byline openers: "By A", "Author: A", "Автор: А", "Par A", "Von A", "Yazar: A".
BYLINE_LABELS = (
    r"authors?|author\(s\)|written by|words by|posted by|published by|texte?(?=\s*:)|"
    r"автор(?:ы)? научной работы|автор(?:ы)?|текст|опубликовал[аи]?|"
    r"auteur(?:e|s|es)?|écrit par|publié par|posté par|"
    r"autor(?:in|en|innen)?|verfasst von|geschrieben von|veröffentlicht von|"
    r"yazar(?:lar)?|yazan|paylaşan|"
    r"publicado por|escrito por|redactado por"
)
BYLINE_WORDS = r"By|by|Par|par|Von|von"  # unlabelled: "By A", "Par A", "Von A" (no colon)
AND_WORDS = r"and|и|et|und|ve"

# Lines that are always page chrome, whatever their neighbours.
ALWAYS_CHROME = {
    # English
    "share", "share this", "share this article", "share this page", "share on", "tweet", "print", "print this page",
    "retweet", "retweet this article", "retweet this article!", "twittern", "tweeten", "mitteilen", "teilen",
    "email", "e-mail", "facebook", "twitter", "linkedin", "whatsapp", "telegram", "reddit", "copy link",
    "subscribe", "subscribe now", "donate", "donate now", "support us", "skip to content", "rss", "rss feed",
    "skip to main content", "back to top", "log in", "login", "sign in", "sign up", "register", "follow us",
    "reply", "antworten", "répondre", "ответить", "yanıtla", "accept", "accept all", "reject all", "alle akzeptieren",
    "akzeptieren", "ablehnen", "tout accepter", "tout refuser", "принять", "принять все", "kabul et", "reddet",
    "cookie settings", "privacy settings", "cookie-einstellungen", "datenschutzeinstellungen", "paramètres des cookies",
    "buy now", "order now", "buy the book", "order the book", "jetzt bestellen", "buch bestellen", "jetzt kaufen",
    "commander", "acheter", "купить", "заказать", "satın al", "sipariş ver",
    "download pdf", "download the pdf", "cite this", "cite this article", "listen to this article", "menu",
    "open menu", "close menu", "close", "toggle navigation", "search", "newsletter", "x", "vk", "pinterest",
    "print article", "save", "bookmark", "mastodon", "bluesky", "flipboard", "advertisement", "sponsored",
    "post navigation", "posts navigation", "article navigation", "реклама", "навигация по записям", "publicité",
    "navigation des articles", "anzeige", "werbung", "beitrags-navigation", "beitragsnavigation", "reklam",
    "yazı dolaşımı",
    # Russian
    "поделиться", "поделитесь", "поделиться в соцсетях", "распечатать", "печать", "версия для печати",
    "подписаться", "подпишитесь", "наверх", "вконтакте", "одноклассники", "мой мир", "твиттер", "фейсбук",
    "телеграм", "скопировать ссылку", "поиск", "меню", "войти", "вход", "регистрация", "рассылка",
    "поддержать", "скачать pdf",
    # French
    "partager", "partagez", "partager cet article", "imprimer", "s'abonner", "s’abonner", "abonnez-vous",
    "se connecter", "connexion", "rechercher", "recherche", "fermer", "retour en haut", "aller au contenu",
    "aller au contenu principal", "télécharger le pdf", "faire un don", "copier le lien", "envoyer par e-mail",
    # German
    "teilen", "artikel teilen", "drucken", "weiterempfehlen", "e-mail senden", "abonnieren", "newsletter abonnieren",
    "zum inhalt springen", "springe zum inhalt", "direkt zum inhalt", "suche", "suchen", "anmelden", "einloggen",
    "registrieren", "nach oben", "schließen", "link kopieren", "spenden", "jetzt spenden", "pdf herunterladen",
    "menü", "hauptmenü",
    # Turkish
    "paylaş", "paylaşın", "yazdır", "abone ol", "giriş yap", "giriş", "kayıt ol", "ara", "arama", "kapat",
    "başa dön", "içeriğe geç", "bağlantıyı kopyala", "bağış yap", "menü",
    # Spanish: a box inside the text pointing to another article ('Lee también...' over its headline)
    "lee también", "lee también...", "lea también", "te puede interesar", "compartir",
    # a journal or library page's labels and badges above its abstract: keywords, a licence badge
    "open access", "keywords", "key words", "ключевые слова", "schlüsselwörter", "schlagwörter", "mots-clés", "mots clés",
    "anahtar kelimeler", "anahtar sözcükler", "cc by", "cc by-sa", "cc by-nd", "cc by-nc", "cc by-nc-sa", "cc by-nc-nd",
    "cc0",
}
# Menu items: chrome when two or more come together, or before the article's title.
MENU_WORDS = {
    "home", "about", "about us", "contact", "contact us", "research", "publications", "events", "experts",
    "people", "programs", "programmes", "projects", "commentary", "analysis", "topics", "regions", "media",
    "podcasts", "podcast", "multimedia", "news", "opinion", "issues", "blog", "careers", "press",
    "get involved", "join", "more", "en", "ru", "kz", "fr", "de", "tr", "english", "русский", "қазақша",
    "français", "deutsch", "türkçe", "library", "reports", "articles", "video", "videos", "work with us",
    "our team", "team", "partners", "donate", "privacy", "privacy policy", "terms", "imprint", "archive",
    "archives", "archiv", "archive", "архив", "arşiv", "downloads", "faq", "rss",
    "главная", "о нас", "контакты", "новости", "аналитика", "публикации", "мероприятия", "эксперты", "проекты",
    "мнения", "видео", "фото", "статьи", "регионы", "политика", "экономика", "общество",
    "accueil", "à propos", "contact", "actualités", "publications", "événements", "recherche", "analyses",
    "startseite", "über uns", "kontakt", "aktuelles", "impressum", "datenschutz", "presse", "themen",
    "veranstaltungen", "publikationen",
    "ana sayfa", "anasayfa", "hakkımızda", "iletişim", "haberler", "yayınlar", "etkinlikler", "analiz",
    "gündem", "dünya", "ekonomi", "politika",
}
STOP_LINES = {
    # English
    "related", "related articles", "related posts", "related content", "related publications", "related reading",
    "related research", "related stories", "read more", "read next", "more to read", "you may also like",
    "you might also like", "recommended", "recommended for you", "most read", "most popular", "popular",
    "latest", "latest articles", "latest posts", "recent posts", "top posts & pages", "top posts", "comments",
    "recent comments", "leave a reply", "leave a comment", "join the discussion",
    "schreibe eine antwort", "hinterlasse einen kommentar", "hinterlasse eine antwort", "laisser une réponse",
    "оставьте комментарий", "yanıt yazın", "bir yorum yapın", "yorum bırakın",
    "photo credits", "image credits", "bildnachweis", "bildnachweise", "crédits photos", "fotoğraf kaynakları",
    "editor's pick", "editor's picks", "editors' picks", "more from this author", "more on this topic", "see also", "also read", "read also", "further reading",
    "while you are here", "while you're here", "before you go", "support our work",
    # Russian
    "читайте также", "читайте также:", "смотрите также", "см. также", "похожие материалы", "похожие статьи",
    "другие материалы", "другие публикации", "по теме", "материалы по теме", "ещё по теме", "еще по теме",
    "популярное", "самое читаемое", "последние новости", "комментарии", "оставить комментарий",
    "рекомендуем", "новости партнеров", "последние записи", "свежие записи", "свежие комментарии",
    # French
    "lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "voir aussi", "sur le même thème",
    "sur le même sujet", "articles similaires", "articles liés", "dans la même rubrique", "les plus lus",
    "commentaires", "laisser un commentaire", "laisser un commentaire annuler la réponse", "à voir aussi",
    "articles récents", "derniers articles", "commentaires récents",
    # German
    "redaktionstipp", "tipp der redaktion", "empfehlung der redaktion",
    "das könnte dich auch interessieren", "das könnte dir auch gefallen", "meist gelesen", "am meisten gelesen",
    "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "mehr zum thema", "das könnte sie auch interessieren",
    "auch interessant", "weitere artikel", "weitere beiträge", "lesen sie auch", "meistgelesen", "kommentare",
    "schreibe einen kommentar", "kommentar schreiben", "einen kommentar schreiben", "neueste beiträge",
    "das neueste", "neueste kommentare", "top beiträge & seiten", "ähnliche themen",
    # Turkish
    "ilgili haberler", "benzer haberler", "ilgili yazılar", "bunları da okuyun", "bunlar da ilginizi çekebilir",
    "ayrıca okuyun", "en çok okunanlar", "son haberler", "yorumlar", "yorum yap", "yorum yazın",
    "son yazılar", "son yorumlar",
    # Spanish
    "noticias relacionadas", "lo más leído", "más leídas", "comentarios", "deja un comentario",
}
# A table of contents: left out with the entries under it (the text's own headings again, or numbered lines).
TOC_HEADINGS = {
    "contents", "table of contents", "inhaltsverzeichnis", "inhalt", "содержание", "оглавление", "sommaire",
    "table des matières", "içindekiler", "contents hide", "содержание скрыть", "inhaltsverzeichnis verbergen",
}
# Heads of lines that are chrome: "Tags: …", "Теги: …", "Mots-clés : …", "Schlagworte: …", "Etiketler: …".
TAG_LABELS = (
    r"tags|topics|filed under|categories|keywords|теги|метки|рубрик[аи]|ключевые слова|mots-clés|mots clés|"
    r"étiquettes|catégories|schlagworte|schlagwörter|stichworte|kategorien|themen|etiketler|kategoriler|"
    r"anahtar kelimeler"
)
SHARE_LABELS = (r"share (?:on|via|this)|поделиться в|partager sur|teilen auf|teilen via|paylaş:|"
                r"(?:auf|on|sur|в|на)\s+\w+\s+(?:teilen|share|partager|поделиться|paylaş)$|"
                r"(?:follow us|folge(?:n sie)? uns|suivez-nous|подписывайтесь на нас|bizi takip edin)"
                r"(?:\s+(?:on|auf|sur|в|на)(?:\s+\S+){1,2})?\s*:?$")
READING_TIME = (r"^\d+\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?|dk|dakika)\.?\s+(?:read|чтения|de lecture|lesezeit|"
                r"okuma(?: süresi)?)$|^(?:reading|read) time\b|^время чтения\b|^temps de lecture\b|^lesezeit\b|"
                r"^okuma süresi\b")
# 'Copyright law in Kazakhstan …' opens a paragraph of a text: only a short line, or one with © or a year, is a notice
COPYRIGHT = (r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}|by\b)|copyright\b(?=.{0,60}$))|all rights reserved|все права защищены|tous droits réservés|"
             r"alle rechte vorbehalten|tüm hakları saklıdır")
LICENCE = (r"\b(?:licensed under|is licensed under|available under|lizenziert unter|verfügbar unter|sous licence|"
           r"disponible sous|под лицензией|доступен по лицензии|lisansı altında)\b.{0,40}"
           r"(?:creative commons|cc[ -]by|licen[cs]e|lizenz)|^creative commons\b(?=.{0,60}$)|"
           r"^(?:licen[cs]e|lizenz|лицензия|lisans)\s*:\s*(?:cc\b|creative commons|by(?:-nc|-sa|-nd)+\b|"
           r"public domain|gemeinfrei)(?=.{0,40}$)")  # 'License: by-nc-sa' in an article's footer
COOKIES = (r"\b(?:we use|this (?:web)?site uses) cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings)\b|"
           r"использует(?:ся)? (?:файлы )?cookie|utilise des cookies|verwendet cookies|çerez(?:ler)?")
NEWSLETTER = (r"\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:newsletter|mailing list|updates)\b|"
              r"\benter your e-?mail\b|\byour e-?mail address\b|\bin your inbox\b|\bstay (?:informed|up to date)\b|"
              r"подпишитесь на (?:нашу )?рассылку|inscrivez-vous à (?:notre|la) newsletter|"
              r"newsletter abonnieren|bültenimize abone")

APPEAL = (r"\b(?:consider supporting|support our work|support us|become a (?:member|patron|supporter|subscriber)|"
          r"donate (?:today|now)|make a donation|unterstützen sie (?:uns|unsere arbeit)|unterstütz\w*\s+(?:uns|unsere arbeit)|jetzt spenden|"
          r"поддержите (?:нас|наш)|soutenez(?:-nous| notre)|faire un don|bizi destekleyin|bağış yapın|"
          # a line offering to switch the page's advertising off
          r"отключить рекламу|disable (?:your )?ad ?blocker|turn off (?:your )?ad ?blocker|désactive[rz] (?:votre )?"
          r"bloqueur|werbung (?:deaktivieren|abschalten)|reklamları kapat)\b")

# Headings of a list of notes.
NOTES_HEADINGS = {
    "notes", "endnotes", "end notes", "footnotes", "references", "sources", "notes and references",
    "references and notes", "notes and sources", "sources and notes", "citations", "works cited", "bibliography",
    "note", "reference", "source", "sources and references",
    "примечания", "примечание", "источники", "сноски", "ссылки", "литература", "список литературы",
    "примечания и источники", "источники и примечания", "библиография",
    "notes et références", "références", "notes de bas de page", "bibliographie", "renvois",
    "anmerkungen", "fußnoten", "fussnoten", "endnoten", "einzelnachweise", "quellen", "literatur", "belege",
    "quellenangaben", "nachweise", "literaturverzeichnis",
    "notlar", "dipnotlar", "son notlar", "kaynaklar", "kaynakça", "kaynakca", "referanslar",
}

# Photo credits and captions: "Photo: …", "Image source: …", "Source: …", "Фото: …", "Foto: …", "Fotoğraf: …".
CREDIT_LABELS = (
    r"photo(?:graph)?s?|image|images|picture|illustration|credit|credits|photo ?credits?|image credits?|"
    r"image source|photo source|source|sources|cover photo|featured image|header image|top image|"
    r"фото|фотография|источник фото|фото на обложке|иллюстрация|изображение|источник|"
    r"photo d['’]illustration|illustration|crédit(?: photo)?|image d['’]illustration|légende|"
    r"foto|fotos|fotocredits?|bild|bildquelle|bildnachweise?|titelbild|quelle|abbildung|"
    r"fotoğraf|görsel|kaynak|fotoğraf kaynağı"
)

# A video player's buttons, as a copy of the page keeps them in a row ('Sound on Sound off Play Pause')
PLAYER_BUTTONS = (r"(?:sound|ton)\s+(?:on|off|an|aus)|play|pause|replay|mute|unmute|stumm|fullscreen|vollbild|"
                  r"untertitel|subtitles|captions")

# A post's comment counter or link in its header line: "4 Kommentare", "91 Ergänzungen", "Leave a comment", "12 yorum"
COMMENT_COUNTER = (
    r"(?:\d+\s+(?:comments?|responses?|replies|kommentare?|ergänzungen|antworten|commentaires?|réactions?|"
    r"комментари(?:й|я|ев)|ответ(?:а|ов)?|yorum)|(?:one|ein|einen|un|один|bir) (?:comment|kommentar|"
    r"commentaire|комментарий|yorum)|leave a (?:comment|reply)|no comments|"
    r"kommentar schreiben|keine kommentare|laisser un commentaire|yorum yap)"
)
# Screen-reader labels a theme's header hides that a copy keeps glued to what follows: "Posted on28. Juli 2019",
# "AuthorAndreas Kalt"
HIDDEN_LABELS = r"posted on|published on|veröffentlicht am|publié le|author|autor(?:innen|in|en)?|auteure?|yazar|автор|by|von|par"
# Words a report's or paper's section headings are made of and no one's name holds ('Domestic Political
# Background', 'Executive Summary', 'Key Findings', 'Einleitung', 'Contexte'): a line of them is a heading, not a
# byline's name
HEADING_WORDS = {
    "introduction", "summary", "background", "overview", "conclusion", "conclusions", "abstract", "contents",
    "findings", "analysis", "discussion", "results", "methods", "methodology", "appendix", "references", "notes",
    "outlook", "context", "issues", "options", "considerations", "perspectives", "prospects", "implications",
    "domestic", "political", "economic", "foreign", "military", "executive", "legislative", "regional",
    "international", "national", "strategic", "historical", "recent", "current", "selected", "related", "further",
    "preface", "foreword", "acknowledgments", "acknowledgements", "glossary", "bibliography", "chapter", "part",
    "section", "table", "figure", "index",
    "einleitung", "zusammenfassung", "hintergrund", "fazit", "ausblick", "überblick", "inhalt", "literatur",
    "résumé", "contexte", "sommaire", "bilan", "introducción", "resumen", "conclusión", "antecedentes",
    "введение", "заключение", "giriş", "sonuç", "özet",
}

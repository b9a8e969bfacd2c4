#!/bin/sh
# The labels of tests/cases/import/dev-r13 (journal articles), drawn with bench/labels/journal_page_labels.py from
# each page's structure; selectors, title, date, publisher and authors read from the page by eye. Run from the root.
set -e
L="python3 bench/labels/journal_page_labels.py"
D=tests/cases/import/dev-r13
PLOS_SKIP=".//div[@class='articleinfo']|.//div[@class='figure']|.//div[@class='contributions']"
$L $D/fit/plos-amber-terpenoids "//div[@class='article']" "//ol[@class='references']/li" "$PLOS_SKIP" ".//ul[@class='find']" \
  "Terpenoid Compositions and Botanical Origins of Late Cretaceous and Miocene Amber from China" 2014-10-29 \
  "Public Library of Science" "Gongle Shi;Suryendu Dutta;Swagata Paul;Bo Wang;Frédéric M. B. Jacques"
HB="(//div[@class='xml-content'])[2]"; HR="(//div[@class='xml-content'])[last()]//ol/li"
HS=".//div[contains(@class,'fig')]|.//table"; HRS=".//span[@class='reflinks']"
$L $D/fit/hindawi-jointvetch-roots "$HB" "$HR" "$HS" "$HRS" \
  "Root Distribution and Nitrogen Fixation Activity of Tropical Forage Legume American Jointvetch (Aeschynomene americana L.) cv. Glenn under Waterlogging Conditions" \
  2014-09-08 "Hindawi Publishing Corporation" "Manabu Tobisa;Masataka Shimojo;Yasuhisa Masuda"
$L $D/fit/hindawi-wheat-phosphite "$HB" "$HR" "$HS" "$HRS" \
  "Response of Winter Wheat Grain Yield and Phosphorus Uptake to Foliar Phosphite Fertilization" 2014-05-08 \
  "Hindawi Publishing Corporation" "Muaid S. Ali;Apurba Sutradhar;Ma Lourdes Edano;Jeffrey T. Edwards;Kefyalew Girma"
WB="//div[contains(@class,'article fulltext-view')]"; WR="//ol[@class='cit-list']/li"
WS=".//div[contains(concat(' ',@class,' '),' fig ')]|.//div[contains(concat(' ',@class,' '),' table ')]|.//div[contains(@class,'license')]|.//ul[contains(@class,'history-list') or contains(@class,'copyright')]"
WRS=".//div[@class='cit-extra']|.//a[@class='rev-xref-ref']"
$L $D/check/sage-acl-hockey "$WB" "$WR" "$WS" "$WRS" \
  "Magnetic Resonance Imaging and Intra-articular Findings After Anterior Cruciate Ligament Injuries in Ice Hockey Versus Other Sports" \
  2016-05-01 "SAGE Publications" "Melissa A. Kluczynski;Jeansol V. Kang;John M. Marzo;Leslie J. Bisson"
NOREF="//*[@id='no-such-list']"  # author-date pages: their reference lists are bibliographies, no notes
PARAS=".//div[@class='NLM_p']" $L $D/fit/acs-luzofuran-synthesis "//div[@class='hlFld-Fulltext']" "//ol[@id='references']/li" \
  ".//div[contains(@class,'figure') or contains(@class,'Figure') or contains(@class,'table') or contains(@class,'Table')]|.//ol[@id='references']/.." \
  ".//strong[@class='refLabel']|.//div[@class='citationLinks']" "Synthesis of (+)-Luzofuran and (−)-Ancistrofuran" \
  2014-01-17 "American Chemical Society" "Carl Recsei;Bun Chan;Christopher S. P. McErlean"
$L $D/fit/springer-streptomyces-peptidase "(//div[@class='FulltextWrapper'])[3]" "$NOREF" \
  ".//figure|.//div[contains(@class,'Figure') or contains(@class,'Table') or contains(@class,'License')]" "" \
  "Characterization of a novel metallocarboxypeptidase from Streptomyces cinnamoneus TH-2" 2016-04-18 "Springer" \
  "Kun Wan;Misugi Uraji;Jiro Arima;Tadashi Hatanaka"
$L $D/check/cup-cattle-pcr "//div[@class='fulltxt-holder']" "$NOREF" \
  ".//p[contains(@class,'figTableTitle')]|.//div[contains(@class,'table-footnote') or contains(@class,'references-list') or contains(@class,'figure') or contains(@class,'table')]|.//table|.//p[normalize-space(.)='REFERENCES']" \
  "" "A multiplex PCR test to identify four common cattle-adapted Cryptosporidium species" "" "Cambridge University Press" \
  "Sarah Thomson;Elisabeth A. Innes;Nicholas N. Jonsson;Frank Katzer"
$L $D/check/sciencedirect-cichlid-phylogeny "//div[@id='centerInner']" "$NOREF" \
  ".//div[contains(@class,'head')]|.//ul[contains(@class,'affiliation') or contains(@class,'authorGroup')]|.//dl[contains(@class,'articleDates') or contains(@class,'figure') or contains(@class,'table')]|.//div[contains(@class,'figure') or contains(@class,'table') or contains(@class,'refText') or contains(@class,'references')]|.//ol[contains(@class,'references')]|.//ul[contains(@class,'reference')]|.//table|.//p[starts-with(normalize-space(.),'Copyright ©')]" \
  "" "A tribal level phylogeny of Lake Tanganyika cichlid fishes based on a genomic multi-marker approach" 2014-11-26 \
  "Elsevier" "Britta S. Meyer;Michael Matschiner;Walter Salzburger"
$L $D/check/elife-drosophila-circuitry "//div[@id='main-text']" "$NOREF" \
  ".//div[contains(concat(' ',@class,' '),' fig ') or contains(concat(' ',@class,' '),' table ') or contains(@class,'fig-inline') or contains(@class,'ref-list') or contains(@class,'license')]|.//table" \
  "" "Genetic transformation of structural and functional circuitry rewires the Drosophila brain" 2015-01-28 \
  "eLife Sciences Publications" "Sonia Sen;Deshou Cao;Ramveer Choudhary;Silvia Biagini;Jing W Wang;Heinrich Reichert;K VijayRaghavan"

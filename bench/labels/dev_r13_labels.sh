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
$L $D/fit/plos-fanged-frog "//div[@class='article']" "//ol[@class='references']/li" "$PLOS_SKIP" ".//ul[@class='find']" \
  "A Novel Reproductive Mode in Frogs: A New Species of Fanged Frog with Internal Fertilization and Birth of Tadpoles" \
  2014-12-31 "Public Library of Science" "Djoko T. Iskandar;Ben J. Evans;Jimmy A. McGuire"
HB="(//div[@class='xml-content'])[2]"; HR="(//div[@class='xml-content'])[last()]//ol/li"
HS=".//div[contains(@class,'fig')]|.//table"; HRS=".//span[@class='reflinks']"
$L $D/fit/hindawi-maize-irrigation "$HB" "$HR" "$HS" "$HRS" \
  "Effect of Irrigation and Preplant Nitrogen Fertilizer Source on Maize in the Southern Great Plains" 2014-12-17 \
  "Hindawi Publishing Corporation" "Jacob T. Bushong;Eric C. Miller;Jeremiah L. Mullock;D. Brian Arnall;William R. Raun"
$L $D/fit/hindawi-jointvetch-roots "$HB" "$HR" "$HS" "$HRS" \
  "Root Distribution and Nitrogen Fixation Activity of Tropical Forage Legume American Jointvetch (Aeschynomene americana L.) cv. Glenn under Waterlogging Conditions" \
  2014-09-08 "Hindawi Publishing Corporation" "Manabu Tobisa;Masataka Shimojo;Yasuhisa Masuda"
$L $D/fit/hindawi-wheat-phosphite "$HB" "$HR" "$HS" "$HRS" \
  "Response of Winter Wheat Grain Yield and Phosphorus Uptake to Foliar Phosphite Fertilization" 2014-05-08 \
  "Hindawi Publishing Corporation" "Muaid S. Ali;Apurba Sutradhar;Ma Lourdes Edano;Jeffrey T. Edwards;Kefyalew Girma"
WB="//div[contains(@class,'article fulltext-view')]"; WR="//ol[@class='cit-list']/li"
WS=".//div[contains(concat(' ',@class,' '),' fig ')]|.//div[contains(concat(' ',@class,' '),' table ')]|.//div[contains(@class,'license')]|.//ul[contains(@class,'history-list') or contains(@class,'copyright')]"
WRS=".//div[@class='cit-extra']|.//a[@class='rev-xref-ref']"
$L $D/fit/rsos-mollusc-toll "$WB" "$WR" "$WS" "$WRS" \
  "Enhanced antimicrobial peptide-induced activity in the mollusc Toll-2 family through evolution via tandem Toll/interleukin-1 receptor" \
  2016-06-01 "The Royal Society" "Jun Cao;Yihong Chen;Min Jin;Qian Ren"
$L $D/check/sage-acl-hockey "$WB" "$WR" "$WS" "$WRS" \
  "Magnetic Resonance Imaging and Intra-articular Findings After Anterior Cruciate Ligament Injuries in Ice Hockey Versus Other Sports" \
  2016-05-01 "SAGE Publications" "Melissa A. Kluczynski;Jeansol V. Kang;John M. Marzo;Leslie J. Bisson"
$L $D/check/bmj-dabigatran "$WB" "$WR" "$WS" "$WRS" \
  "Prediction of rates of thromboembolic and major bleeding outcomes with dabigatran or warfarin among patients with atrial fibrillation: new initiator cohort study" \
  2016-05-24 "British Medical Journal Publishing Group" \
  "Shirley V Wang;Jessica M Franklin;Robert J Glynn;Sebastian Schneeweiss;Wesley Eddings;Joshua J Gagne"
$L $D/check/iop-ito-films "//div[@class='article-content']" "//ul[@class='clear-list']/li" \
  ".//div[contains(@class,'license')]|.//aside|.//div[@id='metrics']|.//figure|.//div[contains(@class,'figure') or contains(@class,'table')]|.//h2[@id='references']/following-sibling::div|.//p[starts-with(normalize-space(.),'Table 1.')]" \
  ".//p[@class='mb-0']" "Pulsed laser deposited indium tin oxides as alternatives to noble metals in the near-infrared region" \
  2016-04-07 "IOP Publishing" "Xu Fang;C L Mak;Shiyu Zhang;Zhewei Wang;Wenjia Yuan;Hui Ye"
PARAS=".//div[@class='paragraph']" $L $D/check/tandf-licoo2 "//div[@id='fulltextPanel']" "//ul[@class='references']/li" \
  ".//div[contains(@class,'summationNavigation')]|.//span[contains(@class,'dropDown')]|.//div[contains(@class,'tableView')]|.//div[@class='hidden']|.//h2[normalize-space(.)='Keywords']/..|.//div[contains(@class,'figure')]|.//ul[@class='references']/.." \
  ".//a[starts-with(normalize-space(.),'[')]" \
  "Synthesis of nanocrystalline LiCoO2 powders by polymeric combustion process: an investigation on the effect of different carboxylic acids as fuel" \
  2016-02-26 "Taylor & Francis" "S. Vivekanandhan;M. Venkateswarlu;N. Satyanarayana"

#include "demo/texts.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace eenplan::demo::detail {
namespace {

using SV = std::string_view;

// ---------------------------------------------------------------------------------------------
// Placeholder values
// ---------------------------------------------------------------------------------------------

constexpr SV kSignals[] = {
    "is de laatste weken vaak afwezig, vooral op maandag",
    "raakt snel boos in de klas en loopt dan de les uit",
    "is stil en teruggetrokken en maakt weinig contact met klasgenoten",
    "komt moeilijk op gang met taken en raakt achter met het werk",
    "komt regelmatig te laat en is dan erg moe",
    "geeft vaak aan buikpijn of hoofdpijn te hebben en wil dan naar huis",
    "komt in de pauzes regelmatig in conflict met klasgenoten",
    "lijkt met zorgen rond te lopen en is minder vrolijk dan voorheen",
    "vermijdt toetsen en opdrachten waar {hij} tegen opziet",
};

// Status bits, shared by agreements and note templates.
enum : unsigned { E = 1, N = 2, X = 4, L = 8, ALL = 15 };
// Extra requirements a text may have.
enum : unsigned {
  P = 1,  // primary-age pupil
  S = 2,  // secondary-age pupil
  H = 4,  // has a stamschool different from the enrolment school
  MP = 8, // multi-problem case
};

unsigned context_flags(const TextContext& c) {
  unsigned f = c.primary ? P : S;
  if (!c.home_school.empty()) f |= H;
  if (c.multi_problem) f |= MP;
  return f;
}

unsigned status_bit(SV status) {
  if (status == "not_enrolled") return N;
  if (status == "exempted") return X;
  if (status == "left") return L;
  return E;
}

struct Agreement {
  unsigned statuses;
  SV text;
  unsigned needs = 0; // P, S, H, MP
};

constexpr Agreement kAgreements[] = {
    {E | N, "{naam} start na de vakantie met {ochtenden} ochtenden per week op school; per drie "
            "weken bekijken we of uitbreiding haalbaar is"},
    {E, "de {mentor} belt elke maandag kort met {ouders} om de week door te nemen"},
    {ALL, "{zorg} sluit aan bij het volgende evaluatiemoment"},
    {E, "de orthopedagoog doet een observatie in de klas en koppelt binnen twee weken terug"},
    {E, "er komt een vaste plek in het stiltelokaal voor toetsmomenten"},
    {E, "de coördinator bereidt een aanvraag voor een arrangement voor"},
    {E | N | X, "{ouders} {pl:bespreken|bespreekt} thuis met {naam} welke doelen {hij} zelf "
                "belangrijk vindt"},
    {E, "de time-outkaart blijft; {naam} mag zelf aangeven wanneer {hij} even rust nodig heeft"},
    {E | N | X, "leerplicht houdt vinger aan de pols en sluit maandelijks aan"},
    {E, "het terugkeerdraaiboek wordt samen met {stamschool} opgesteld", H},
    {E | N, "{naam} krijgt een vast aanspreekpunt op school voor de start van de dag"},
    {E, "de gymlessen worden tijdelijk vervangen door een individueel beweegmoment"},
    {E, "huiswerk wordt beperkt tot de kernvakken, in overleg met de {mentor}", S},
    {E, "de jeugdhulpverlener komt één keer per week op school om af te stemmen met de {mentor}"},
    {E | N | X, "het OPP wordt aangepast en binnen twee weken met {ouders} besproken"},
    {N | X, "de consulent van het samenwerkingsverband verkent twee mogelijke vervolgplekken"},
    {ALL, "{ouders} {pl:krijgen|krijgt} een vaste contactpersoon bij {wijkteam}"},
    {N, "de thuisdocent komt twee keer per week een uur, eerst thuis en daarna in de bibliotheek"},
    {N, "{naam} gaat met de {mentor} een keer na schooltijd kijken in de school, als het rustig is"},
    {N | X, "de orthopedagoog maakt kennis met {naam} thuis en brengt in kaart wat nodig is"},
    {X, "over een half jaar wordt opnieuw bekeken of onderwijs voor een paar uur per week haalbaar "
        "is"},
    {L, "de nieuwe school krijgt, met toestemming van {ouders}, het OPP via het beveiligde systeem"},
};

constexpr SV kMeetingNames[] = {"MDO",
                                "Evaluatie-MDO",
                                "Overleg ondersteuningsteam (JES)",
                                "Zorgteamoverleg",
                                "Rondetafelgesprek",
                                "Multidisciplinair overleg"};

constexpr Agreement kMeetingContent[] = {
    {E, "Besproken hoe de eerste weken van de opbouw zijn gegaan; {naam} is stabieler op school."},
    {E | N | X, "Iedereen herkent dat {naam} vooral vastloopt bij onverwachte veranderingen."},
    {E, "De doelen uit het OPP zijn doorgelopen: de sociaal-emotionele doelen lopen goed, rekenen "
        "vraagt nog aandacht."},
    {ALL, "{Ouders} {pl:gaven|gaf} aan dat het thuis rustiger is sinds de hulp is gestart."},
    {E, "Zorgen gedeeld over het toenemende verzuim en de vermoeidheid van {naam}."},
    {E | N | L, "De wensen van {naam} zelf zijn meegenomen: {hij} wil graag meer praktische vakken.", S},
    {E, "{naam} heeft zelf een tekening gemaakt van een goede schooldag; die hangt nu in de klas.", P},
    {E | N | X, "Thuis en op school wordt hetzelfde beeld gezien: goede dagen wisselen af met dagen "
                "waarop weinig lukt."},
    {ALL, "{naam} was zelf bij het eerste deel aanwezig en vertelde wat {hem} helpt."},
    {N, "Besproken welke plek past: {naam} heeft behoefte aan een kleine groep en een rustige start, "
        "dichtbij huis."},
    {N | X, "{Ouders} {pl:maken|maakt} zich zorgen over hoe lang het al duurt; iedereen wil snel "
            "een stap zetten zonder {naam} te overvragen."},
    {X, "De behandeling loopt; de behandelaar geeft aan dat onderwijs op dit moment nog te veel "
        "vraagt."},
    {L, "Besproken wat de nieuwe school moet weten; {ouders} {pl:bepalen|bepaalt} mee wat er wordt "
        "gedeeld."},
};

constexpr SV kEvaluations[] = {"over zes weken",       "over acht weken",   "na de herfstvakantie",
                               "over tien weken",      "over een kwartaal", "na de kerstvakantie",
                               "voor de zomervakantie"};
constexpr SV kMonths[] = {"drie", "vier", "zes", "negen", "twaalf"};
constexpr SV kParts[] = {"twee", "drie", "vier", "vijf", "zes"};
constexpr SV kMornings[] = {"twee", "drie", "vier"};
constexpr SV kHours[] = {"twee", "drie", "vier", "zes"};
constexpr SV kPlacementOutcomes[] = {
    "een school voor praktijkonderwijs wil kennismaken",
    "het SO biedt een observatieperiode van zes weken aan",
    "nog geen plek; opschaling naar de Taskforce thuiszitters wordt voorbereid",
    "een vo-school biedt een plek in de trajectgroep aan",
};

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string number_word(int n) {
  static constexpr SV kWords[] = {"nul",      "een",       "twee",     "drie",     "vier",    "vijf",
                                  "zes",      "zeven",     "acht",     "negen",    "tien",    "elf",
                                  "twaalf",   "dertien",   "veertien", "vijftien", "zestien", "zeventien",
                                  "achttien", "negentien", "twintig"};
  return n >= 0 && n <= 20 ? std::string(kWords[n]) : std::to_string(n);
}

/// Picks from `pool` a text not used before in this dossier (when there is one) and remembers it.
SV pick_fresh(std::span<const SV> pool, const TextContext& c, Rng& rng) {
  std::vector<SV> fresh;
  for (SV t : pool) {
    if (std::find(c.used.begin(), c.used.end(), t.data()) == c.used.end()) fresh.push_back(t);
  }
  const SV chosen = fresh.empty() ? pool[rng.index(pool.size())] : fresh[rng.index(fresh.size())];
  c.used.push_back(chosen.data());
  return chosen;
}

std::vector<SV> for_status(std::span<const Agreement> pool, const TextContext& c) {
  std::vector<SV> fitting;
  const unsigned flags = context_flags(c);
  for (const auto& a : pool) {
    if ((a.statuses & status_bit(c.status)) != 0 && (a.needs & flags) == a.needs) {
      fitting.push_back(a.text);
    }
  }
  return fitting;
}

std::string value_of(SV key, const TextContext& c, Rng& rng, int depth);

std::string fill_depth(SV tmpl, const TextContext& c, Rng& rng, int depth) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (std::size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] == '{') {
      const std::size_t close = tmpl.find('}', i);
      if (close != SV::npos) {
        out += value_of(tmpl.substr(i + 1, close - i - 1), c, rng, depth);
        i = close + 1;
        continue;
      }
    }
    out.push_back(tmpl[i]);
    ++i;
  }
  return out;
}

std::string nested(SV tmpl, const TextContext& c, Rng& rng, int depth) {
  return depth > 2 ? std::string(tmpl) : fill_depth(tmpl, c, rng, depth + 1);
}

std::string value_of(SV key, const TextContext& c, Rng& rng, int depth) {
  const bool f = c.female;
  if (key == "naam" || key == "Naam") return c.name;
  if (key.starts_with("pl:")) { // "{pl:hebben|heeft}": verb agreeing with {ouders}
    const SV forms = key.substr(3);
    const std::size_t bar = forms.find('|');
    if (bar == SV::npos) return std::string(forms);
    return std::string(c.parents_plural ? forms.substr(0, bar) : forms.substr(bar + 1));
  }
  if (key == "hij") return f ? "zij" : "hij";
  if (key == "Hij") return f ? "Zij" : "Hij";
  if (key == "zijn") return f ? "haar" : "zijn";
  if (key == "Zijn") return f ? "Haar" : "Zijn";
  if (key == "hem") return f ? "haar" : "hem";
  if (key == "ouders") return c.parents;
  if (key == "Ouders") return capitalised(c.parents);
  if (key == "school") return c.school;
  if (key == "stamschool") return c.home_school.empty() ? c.school : c.home_school;
  if (key == "zorg") return c.care;
  if (key == "mentor") return c.teacher;
  if (key == "Mentor") return capitalised(c.teacher);
  if (key == "gemeente") return c.municipality;
  if (key == "wijkteam") return c.youth_team;
  if (key == "aanwezigen") return c.attendees.empty() ? c.parents : c.attendees;
  if (key == "afspraak") return nested(pick_fresh(for_status(kAgreements, c), c, rng), c, rng, depth);
  if (key == "signaal") return nested(pick_fresh(kSignals, c, rng), c, rng, depth);
  if (key == "overleg") return std::string(rng.pick(std::span<const SV>(kMeetingNames)));
  if (key == "inhoud") return nested(pick_fresh(for_status(kMeetingContent, c), c, rng), c, rng, depth);
  if (key == "evaluatie") return std::string(rng.pick(std::span<const SV>(kEvaluations)));
  if (key == "maanden") return std::string(rng.pick(std::span<const SV>(kMonths)));
  if (key == "dagdelen") return std::string(rng.pick(std::span<const SV>(kParts)));
  if (key == "ochtenden") return std::string(rng.pick(std::span<const SV>(kMornings)));
  if (key == "uren") return std::string(rng.pick(std::span<const SV>(kHours)));
  if (key == "uitkomst") return std::string(pick_fresh(kPlacementOutcomes, c, rng));
  if (key == "thuisweken") { // how long the pupil has been at home, as of the entry's date
    const int weeks = std::max(1, (c.home_since_days - c.days_ago) / 7);
    return weeks == 1 ? "een week" : number_word(weeks) + " weken";
  }
  if (key == "zorgplicht") {
    return c.home_school.empty() ? c.school + " houdt de zorgplicht."
                                 : c.home_school + " blijft stamschool en houdt de zorgplicht.";
  }
  if (key == "jaar") return std::to_string(c.year - 1 - static_cast<int>(rng.below(2)));
  if (key == "vroeger") {
    const int back = 2 + static_cast<int>(rng.below(
                             static_cast<std::uint64_t>(c.age > 7 ? (c.age - 6 < 5 ? c.age - 6 : 5) : 1)));
    return std::to_string(c.year - back);
  }
  return "{" + std::string(key) + "}";
}

// ---------------------------------------------------------------------------------------------
// Support needs
// ---------------------------------------------------------------------------------------------

struct NeedTexts {
  SV code;
  std::array<SV, 3> texts;
};

constexpr NeedTexts kNeeds[] = {
    {"structure_predictability",
     {"{naam} heeft een voorspelbare dag nodig: een dagprogramma met pictogrammen op tafel en "
      "vooraf aankondigen van veranderingen, zoals een invaller of een roosterwijziging.",
      "Heeft behoefte aan vaste routines en een duidelijke opbouw van de les (uitleg, samen "
      "oefenen, zelf aan de slag, afronding). Overgangen vooraf benoemen en {hem} de tijd geven "
      "om om te schakelen.",
      "Heeft een vaste plek in de klas nodig, vaste aanspreekpunten en een weekrooster dat thuis "
      "en op school hetzelfde is. Wijzigingen bij voorkeur een dag van tevoren met {naam} en "
      "{ouders} doornemen."}},
    {"small_group",
     {"Leert het best in een kleine groep (maximaal acht tot tien leerlingen) met een vaste "
      "leerkracht, zodat er ruimte is voor persoonlijke aandacht.",
      "Heeft een kleine, overzichtelijke groep nodig om tot leren te komen; in een grote groep "
      "raakt {naam} het overzicht kwijt en trekt {hij} zich terug.",
      "Heeft instructie en verwerking nodig in een groepje van vier à vijf leerlingen, met één "
      "vaste volwassene als aanspreekpunt."}},
    {"individual_instruction",
     {"Heeft baat bij verlengde instructie aan de instructietafel: voordoen, samen doen en daarna "
      "zelf doen.",
      "Heeft voor rekenen en begrijpend lezen individuele instructie nodig, twee keer per week "
      "twintig minuten, aansluitend op {zijn} eigen leerlijn.",
      "Heeft korte, concrete instructie in kleine stappen nodig, en een controle of de opdracht "
      "begrepen is voordat {hij} zelfstandig verder gaat."}},
    {"emotion_regulation",
     {"Heeft ondersteuning nodig bij het herkennen en benoemen van spanning. Een vaste "
      "volwassene helpt {hem} op tijd een pauze te nemen; afgesproken signalen en een rustplek "
      "zijn beschikbaar.",
      "Heeft baat bij een time-outkaart en een vaste plek om tot rust te komen, en bij een "
      "nagesprek op een rustig moment in plaats van direct na een incident.",
      "Heeft een volwassene nodig die rustig blijft, weinig woorden gebruikt als de spanning "
      "oploopt en daarna samen met {naam} terugkijkt wat hielp."}},
    {"social_skills",
     {"Heeft begeleiding nodig op ongestructureerde momenten (pauze, gym, overblijven): vaste "
      "afspraken over waar en met wie {hij} pauze houdt.",
      "Heeft baat bij een sociale vaardigheidstraining in een klein groepje en bij oefenmomenten "
      "in de klas, met directe positieve feedback.",
      "Heeft hulp nodig om contact te maken met klasgenoten; een maatje in de klas en "
      "samenwerkingsopdrachten in tweetallen werken goed."}},
    {"gradual_build_up",
     {"Heeft een geleidelijke opbouw van de schooltijd nodig: starten met {dagdelen} dagdelen "
      "per week en per drie weken evalueren of uitbreiding haalbaar is.",
      "Heeft opbouw in uren en vakken nodig in een tempo dat {naam} aankan; eerst de vakken "
      "waar {hij} plezier in heeft, daarna de kernvakken.",
      "Heeft een stapsgewijze terugkeer naar school nodig, met eerst korte momenten op een "
      "rustige plek in school en een vast ontvangstmoment met de {mentor}."}},
    {"low_stimulus_environment",
     {"Heeft een prikkelarme werkplek nodig (eigen werkplek aan de zijkant, koptelefoon "
      "beschikbaar) en de mogelijkheid om drukke momenten, zoals de gang bij de wisseling, te "
      "vermijden.",
      "Heeft baat bij een rustig lokaal met weinig visuele prikkels en een vaste, voorspelbare "
      "groep.",
      "Heeft een plek nodig om zich terug te trekken als het te veel wordt; pauze bij voorkeur "
      "op een rustig moment en op een rustige plek."}},
    {"care_in_school",
     {"Heeft zorg en onderwijs op één plek nodig: een zorgspecialist in de klas naast de "
      "leerkracht, zodat begeleiding direct tijdens de lesdag kan worden ingezet.",
      "Heeft baat bij begeleiding vanuit de jeugdhulp onder schooltijd, afgestemd op de doelen "
      "in het OPP, zodat de hulp niet ten koste gaat van onderwijstijd.",
      "Heeft een vaste begeleider op school nodig, met wie de dag wordt gestart en afgesloten."}},
    {"executive_functions",
     {"Heeft ondersteuning nodig bij plannen en organiseren: een weekplanning die samen met de "
      "{mentor} wordt gemaakt en op maandag en vrijdag kort wordt doorgenomen.",
      "Heeft baat bij opdrachten die in kleine deeltaken zijn opgeknipt, met een checklist en "
      "een time-timer.",
      "Heeft hulp nodig bij het starten met taken en het bijhouden van huiswerk; een vaste "
      "studieplek op school met begeleiding werkt goed."}},
    {"language_support",
     {"Heeft extra ondersteuning nodig bij de Nederlandse taal, vooral bij woordenschat en "
      "begrijpend lezen; visuele ondersteuning bij de instructie helpt.",
      "Heeft baat bij extra woordenschatonderwijs en het voorbespreken van teksten. Gesprekken "
      "met {ouders} waar nodig met een tolk.",
      "Heeft korte zinnen nodig, een controle of de opdracht begrepen is en ruimte om het "
      "antwoord in eigen woorden te geven."}},
    {"physical_care",
     {"Heeft hulp nodig bij persoonlijke verzorging en bij het verplaatsen in school; het "
      "gebouw moet rolstoeltoegankelijk zijn.",
      "Heeft een aangepast rooster nodig met ruimte voor medische afspraken en rustmomenten, en "
      "een volwassene die weet wat te doen bij lichamelijke klachten.",
      "Heeft een aangepaste werkplek (meubilair, laptop) nodig en begeleiding bij gym en "
      "buitenactiviteiten."}},
    {"relation_first",
     {"Heeft eerst een veilige, vertrouwde relatie met één volwassene nodig voordat er aan "
      "leerdoelen gewerkt kan worden. Het contact start waar {naam} zich veilig voelt.",
      "Heeft een vaste, voorspelbare volwassene nodig die {hem} ook op moeilijke dagen blijft "
      "opzoeken en de verbinding met school vasthoudt.",
      "{naam} bepaalt mee waar {hij} mee begint; het contact wordt opgebouwd rond {zijn} "
      "interesses, daarna komen de schoolvakken."}},
    {"other",
     {"Heeft aangepast leerlingenvervoer nodig, zodat de reistijd beperkt blijft en {naam} "
      "rustig op school aankomt.",
      "Heeft een vast afstemmingsmoment met {ouders} en school nodig, eens per tien weken, om "
      "thuis en school op één lijn te houden.",
      "Heeft ruimte nodig om toetsen in een aparte ruimte en met extra tijd te maken."}},
};

int need_weight(SV code, const TextContext& c) {
  const bool home = c.status == "not_enrolled" || c.status == "exempted";
  if (code == "structure_predictability") return 10;
  if (code == "small_group") return 7;
  if (code == "individual_instruction") return c.primary ? 7 : 4;
  if (code == "emotion_regulation") return 8;
  if (code == "social_skills") return 6;
  if (code == "gradual_build_up") return home ? 16 : 3;
  if (code == "low_stimulus_environment") return 6;
  if (code == "care_in_school") return c.multi_problem ? 8 : 3;
  if (code == "executive_functions") return c.age < 8 ? 0 : c.primary ? 3 : 8;
  if (code == "language_support") return c.other_home_language ? 9 : 2;
  if (code == "physical_care") return 1;
  if (code == "relation_first") return home ? 12 : 3;
  return 1; // other
}

// ---------------------------------------------------------------------------------------------
// Factors
// ---------------------------------------------------------------------------------------------

struct FactorTexts {
  bool promoting;
  SV area;
  std::array<SV, 5> texts; // empty entries are skipped
};

constexpr FactorTexts kFactors[] = {
    {true,
     "pupil",
     {"{naam} is nieuwsgierig en leert graag als het over dieren of techniek gaat.",
      "{naam} kan goed aangeven wat {hij} nodig heeft als er een rustig moment is om te praten.",
      "Is sportief en zit op voetbal; daar voelt {hij} zich gezien.",
      "Heeft doorzettingsvermogen: als {hij} eenmaal gestart is, werkt {hij} geconcentreerd door.",
      "Is creatief en tekent veel; tekenen helpt {hem} om tot rust te komen."}},
    {false,
     "pupil",
     {"Raakt snel overprikkeld bij drukte en onverwachte veranderingen.",
      "Heeft weinig vertrouwen in eigen kunnen na eerdere negatieve schoolervaringen.",
      "Vindt het moeilijk om hulp te vragen en loopt daardoor vast zonder dat het zichtbaar is.",
      "Slaapt onregelmatig, waardoor {hij} 's ochtends moeilijk op gang komt.",
      "Ervaart veel spanning rond toetsen; de spanning uit zich in lichamelijke klachten."}},
    {true,
     "family",
     {"{Ouders} {pl:zijn|is} betrokken en {pl:staan|staat} open voor samenwerking met school en "
      "hulpverlening.",
      "Er is een steunend netwerk rond het gezin; oma vangt {naam} twee middagen per week op.",
      "{Ouders} {pl:houden|houdt} school goed op de hoogte van veranderingen thuis.",
      "Een oudere broer is een belangrijk voorbeeld voor {naam} en helpt met huiswerk.", ""}},
    {false,
     "family",
     {"Het gezin heeft een zware periode achter de rug (verhuizing, scheiding); dat vraagt veel "
      "van {ouders} en van {naam}.",
      "{Ouders} {pl:staan|staat} er grotendeels alleen voor en {pl:hebben|heeft} een klein netwerk.",
      "Er zijn zorgen over geld en huisvesting; het gezin krijgt hierbij steun van {wijkteam}.",
      "{Ouders} {pl:hebben|heeft} eerder teleurstellende ervaringen met school en hulpverlening gehad; het "
      "vertrouwen groeit, maar heeft tijd nodig.",
      "Thuis wordt weinig Nederlands gesproken, waardoor informatie van school niet altijd goed "
      "overkomt; een tolk helpt bij gesprekken."}},
    {true,
     "school",
     {"Er is een goede klik met de {mentor}, die dagelijks even contact heeft met {naam}.",
      "De school biedt een rustige werkplek en flexibele pauzes.",
      "Korte lijnen tussen school, {ouders} en jeugdhulp; afspraken worden snel afgestemd.",
      "{naam} heeft een vaste plek in een kleine groep waar {hij} tot rust komt.", ""}},
    {false,
     "school",
     {"De groep is groot en druk; er is weinig ruimte voor individuele begeleiding.",
      "Er zijn dit schooljaar veel wisselingen van leerkrachten en invallers geweest.",
      "In het gebouw zijn weinig rustige plekken; de gangen zijn druk bij de lesuurwisselingen.",
      "De reistijd naar school is lang (ruim drie kwartier met het busje).", ""}},
    {true,
     "environment",
     {"{naam} zit op een sportclub en heeft daar een vaste trainer die {hem} goed kent.",
      "Er is een buurtcoach betrokken die {naam} kent van het jongerenwerk.",
      "Op de zorgboerderij heeft {naam} een vertrouwde plek waar {hij} zich competent voelt.",
      "De medewerker van {wijkteam} kent het gezin al langer en wordt vertrouwd.", ""}},
    {false,
     "environment",
     {"Weinig vrienden in de buurt; {naam} is na schooltijd veel alleen en veel online.",
      "De wachtlijst voor behandeling is lang, waardoor de hulp later start dan gewenst.",
      "Het gezin woont buiten de kern; zonder vervoer is {naam} afhankelijk van {ouders}.",
      "Contact met oudere jongeren in de wijk geeft zorgen over de invloed op {naam}.", ""}},
};

// ---------------------------------------------------------------------------------------------
// Load capacity and care history
// ---------------------------------------------------------------------------------------------

constexpr SV kLoadEnrolled[] = {
    "{naam} kan een volledige schooldag aan als er twee vaste rustmomenten zijn. Na drukke dagen "
    "(gym, uitstapjes) is {hij} de volgende ochtend merkbaar vermoeid.",
    "Op dit moment haalbaar: {dagdelen} dagdelen per week op school, de overige tijd "
    "dagbesteding bij {zorg}. Uitbreiding in kleine stappen, steeds na evaluatie met {ouders}.",
    "De belastbaarheid wisselt per dag. Ochtenden gaan beter dan middagen; na de lunch neemt de "
    "concentratie duidelijk af. Zware vakken daarom zoveel mogelijk 's ochtends.",
    "Kan een volledig rooster volgen, mits toetsen gespreid worden en er een vaste plek is om "
    "zich terug te trekken.",
    "Beperkt belastbaar: na ongeveer drie uur schooltijd raakt {naam} overvraagd. Een aangepast "
    "rooster (tot de lunch) is afgesproken tot de volgende evaluatie.",
};
constexpr SV kLoadHome[] = {
    "Op dit moment is {uren} uur per week onderwijs haalbaar, op een neutrale plek (bibliotheek "
    "of thuis) met één vaste begeleider.",
    "Zeer beperkt belastbaar: contact met school lukt nu alleen telefonisch of tijdens een korte "
    "wandeling met de begeleider. Eerst werken aan vertrouwen en een dagritme.",
    "{naam} kan {ochtenden} ochtenden per week een activiteit buitenshuis aan; schoolse taken kosten "
    "nog veel energie. Opbouw via een thuisdocent-traject.",
};
constexpr SV kLoadExempted[] = {
    "Onderwijs is op dit moment niet haalbaar; {naam} gaat {dagdelen} dagdelen per week naar "
    "dagbesteding. Elk half jaar wordt met {ouders} en leerplicht bekeken of dit nog passend is.",
    "De belastbaarheid is gering vanwege de behandeling; de vrijstelling geeft rust. Op termijn "
    "wordt bekeken of een paar uur onderwijs per week mogelijk is.",
};
constexpr SV kLoadLeft[] = {
    "Kon bij vertrek een volledig rooster volgen, met ondersteuning in de klas.",
    "Bij uitschrijving was de belastbaarheid wisselend; de nieuwe school is via een warme "
    "overdracht (met toestemming van {ouders}) geïnformeerd.",
};

constexpr SV kHistoryEarly[] = {
    "In {vroeger} aangemeld bij {wijkteam} vanwege opvoedvragen; {ouders} {pl:kregen|kreeg} enkele maanden "
    "opvoedondersteuning.",
    "Logopedie gehad tot {vroeger}.",
    "In {vroeger} onderzoek door de orthopedagoog van het samenwerkingsverband; de adviezen zijn "
    "verwerkt in het OPP.",
    "Eerder traject bij de jeugd-GGZ, afgerond in {vroeger}; {ouders} {pl:geven|geeft} aan dat dit destijds "
    "hielp.",
    "Tot {vroeger} geen hulpverlening; de zorgen zijn pas in de laatste jaren ontstaan.",
    "In {vroeger} besproken in het ondersteuningsteam (JES); daarna een arrangement met extra "
    "begeleiding in de klas.",
};
constexpr SV kHistoryRecent[] = {
    "Sinds {jaar} ambulante begeleiding thuis via {zorg}, één keer per week.",
    "Vanaf {jaar} is een jeugdhulpverlener van {zorg} betrokken; de hulp is afgestemd op de "
    "doelen van school.",
    "Het gezin krijgt sinds {jaar} steun van {wijkteam} bij praktische zaken.",
    "In {jaar} tijdelijk onderwijs gevolgd in een behandelsetting, met een begeleidingsplan en "
    "evaluatie elke zes weken.",
};
constexpr SV kHistoryHome[] = {
    "Sinds {jaar} dagbesteding op de zorgboerderij, twee dagdelen per week.",
    "In {jaar} gestart met een thuisdocent; dat lukte een paar maanden, daarna werd het contact "
    "minder.",
};

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

enum : unsigned {
  // authors
  C = 1,
  T = 2,
  K = 4,
  O = 8,
  Z = 16,
  A = 32,
  M = 64,
  ANY = 127,
  // stages
  F = 1,
  R = 2,
  FR = 3,
};

struct NoteTemplate {
  SV kind;
  unsigned authors;
  unsigned statuses;
  unsigned stages;
  unsigned needs;
  SV text;
};

constexpr NoteTemplate kNotes[] = {
    // ---- first entries -------------------------------------------------------------------
    {"note", C, E | L, F, 0,
     "Zorgmelding ontvangen van de {mentor}: {naam} {signaal}. Basisondersteuning is ingezet "
     "(gesprek met {ouders}, collegiale consultatie), met onvoldoende effect. {naam} wordt "
     "besproken in het zorgteam; {ouders} {pl:zijn|is} daarvan op de hoogte."},
    {"note", T, E | L, F, 0,
     "Zorgen over {naam}: {hij} {signaal}. Besproken met {ouders}; het beeld wordt thuis "
     "herkend. Zorgmelding gedaan bij de coördinator."},
    {"note", A, N, F, 0,
     "Melding absoluut verzuim: {naam} staat sinds de uitschrijving bij {school} niet meer "
     "ingeschreven op een school. Contact gelegd met {ouders}; het samenwerkingsverband is "
     "geïnformeerd."},
    {"note", A, E, F, 0,
     "Verzuimmelding ontvangen: meer dan 16 uur ongeoorloofd verzuim in vier weken. Uitnodiging "
     "voor een gesprek gestuurd aan {ouders} en {naam}."},
    {"note", K, ALL, F, 0,
     "Hulpvraag ontvangen van {school}. Eerste gesprek met de coördinator gevoerd; de school heeft "
     "de ingezette basisondersteuning goed in beeld gebracht."},
    {"note", C | T, N, F, 0,
     "{naam} zit sinds {thuisweken} thuis. Het contact met {ouders} is goed en er is "
     "bereidheid om mee te denken over een passende plek. Leerplicht en de consulent van het "
     "samenwerkingsverband "
     "zijn geïnformeerd."},
    {"note", C, X, F, 0,
     "Mogelijke vrijstelling besproken met {ouders}. Eerst wordt met het samenwerkingsverband "
     "bekeken of een passend onderwijsaanbod mogelijk is, eventueel in deeltijd."},
    {"note", A, X, F, 0,
     "Verzoek om vrijstelling ontvangen, met verklaring van de deskundige. Gesprek gepland met "
     "{ouders} en de consulent van het samenwerkingsverband."},
    {"note", O, ALL, F, 0,
     "Intake met {ouders} en {naam}. Doel: zicht krijgen op wat {naam} nodig heeft om tot leren te "
     "komen. Eerdere verslagen opgevraagd, met toestemming van {ouders}."},
    {"note", M, ALL, F, 0,
     "Aanmelding via {wijkteam}: het gezin heeft vragen over de opvoeding en over de "
     "schoolsituatie van {naam}. Kennismaking gepland met {ouders}."},
    {"note", Z, ALL, F, 0,
     "Start begeleiding vanuit {zorg}. Kennismakingsgesprek thuis met {ouders} en {naam}; de "
     "doelen van school zijn met toestemming van {ouders} opgevraagd, zodat we daarop kunnen "
     "aansluiten."},
    // ---- notes ---------------------------------------------------------------------------
    {"note", T, E, R, 0,
     "Goede week: {naam} was alle dagen op school en deed in de pauze zelf mee met een spel. "
     "Compliment gegeven en gedeeld met {ouders}."},
    {"note", T, E, R, 0,
     "Lastige ochtend. {naam} raakte gespannen bij de overgang naar de gymles. Time-outkaart "
     "gebruikt zoals afgesproken; na een kwartier in het stiltelokaal weer aangesloten."},
    {"note", T, E, R, S,
     "Toetsweek goed doorgekomen met de afgesproken aanpassingen (aparte ruimte, extra tijd). "
     "Resultaten voor wiskunde duidelijk vooruit."},
    {"note", T, E, R, 0,
     "{naam} heeft deze week twee ochtenden gemist; {ouders} {pl:belden|belde} dat het thuis 's ochtends "
     "niet "
     "lukte. Afgesproken dat ik morgen even bel om de dag samen te starten."},
    {"note", O, E, R, 0,
     "Observatie in de klas (twee ochtenden). {naam} werkt geconcentreerd bij instructie in het "
     "kleine groepje; bij zelfstandig werken en overgangen neemt de onrust toe. Advies: {afspraak}."},
    {"note", O, ALL, R, 0,
     "OPP bijgewerkt: ontwikkelingsperspectief, ondersteuningsbehoeften en de bevorderende en "
     "belemmerende factoren aangepast na het laatste overleg. Concept gaat naar {ouders} ter "
     "bespreking."},
    {"note", O, E, R, 0,
     "ZIEN!-afname besproken met de {mentor}: het welbevinden van {naam} is gestegen, de "
     "betrokkenheid wisselt nog. Meegenomen voor de evaluatie."},
    {"note", C, ALL, R, 0,
     "{Ouders} {pl:hebben|heeft} toestemming gegeven om relevante informatie te delen met {zorg}. Afweging "
     "vastgelegd: alleen de doelen en de afspraken over de schooldag worden gedeeld, niet het "
     "volledige dossier."},
    {"note", C, E, R, 0,
     "Arrangement aangevraagd bij het samenwerkingsverband: extra begeleiding in de klas, vier uur "
     "per week, voor een half jaar. Het handelingsdeel van het OPP is besproken met {ouders}."},
    {"note", K, ALL, R, 0,
     "Aanvraag besproken in het consulentenoverleg. Aanvullende informatie gevraagd over de "
     "ingezette basisondersteuning en de ervaringen van {ouders}."},
    {"note", K, N, R, 0,
     "Twee scholen benaderd voor een mogelijke plaatsing; beide willen eerst kennismaken. De "
     "gesprekken worden met {ouders} ingepland."},
    {"note", A, N | E, R, 0,
     "Telefonisch contact met {ouders}: {naam} is deze week twee keer met de thuisdocent naar de "
     "bibliotheek geweest. Voortgang gedeeld met school."},
    {"note", A, X, R, 0,
     "Vrijstelling geregistreerd. Afgesproken dat er elk half jaar contact is met {ouders} om te "
     "bekijken of onderwijs weer in beeld komt; de leerplichtambtenaar blijft vast aanspreekpunt."},
    {"note", Z, ALL, R, 0,
     "Voortgang begeleiding: de wekelijkse gesprekken met {naam} lopen goed en {hij} komt "
     "afspraken na. Met {ouders} gewerkt aan een vast ochtendritme. Doelen afgestemd met school."},
    {"note", Z, ALL, R, 0,
     "Dagbesteding loopt goed: {naam} was er deze maand vrijwel elke afgesproken dag en werkt "
     "steeds zelfstandiger. Dat geeft {hem} zichtbaar zelfvertrouwen."},
    {"note", M, ALL, R, 0,
     "Beschikking jeugdhulp afgegeven voor ambulante begeleiding door {zorg}, voor zes maanden. "
     "School en {ouders} zijn geïnformeerd."},
    {"note", M, ALL, R, 0,
     "Afstemming met {wijkteam}: het gezin krijgt hulp bij de administratie; {ouders} {pl:ervaren|ervaart} "
     "daardoor meer rust."},
    {"note", C | T, L, R, 0,
     "{naam} is uitgeschreven wegens een verhuizing naar een andere regio. Met toestemming van "
     "{ouders} een warme overdracht gedaan met de nieuwe school; het OPP is via het beveiligde "
     "systeem overgedragen."},
    {"note", C, L, R, 0,
     "Uitschrijving verwerkt: {naam} is gestart op een school buiten het samenwerkingsverband. "
     "Nazorg afgesproken: de {mentor} belt over zes weken nog even met {ouders}."},
    // ---- conversations -------------------------------------------------------------------
    {"conversation", T, E, FR, 0,
     "Gesprek met {naam} over hoe het gaat. {Hij} gaf aan dat de pauzes lastig blijven; samen "
     "afgesproken dat {hij} de tweede pauze binnen mag blijven met een klasgenoot naar keuze."},
    {"conversation", T | C, ALL, FR, 0,
     "Gesprek met {ouders}. Thuis gaat het wisselend; {ouders} {pl:herkennen|herkent} dat {naam} na "
     "schooltijd "
     "erg moe is. Afgesproken: {afspraak}."},
    {"conversation", C, E | N, FR, 0,
     "Oudergesprek over de voortgang. {Ouders} {pl:zijn|is} tevreden over het contact met de {mentor}, maar "
     "{pl:maken|maakt} zich zorgen over de overstap volgend schooljaar. Afgesproken: {afspraak}."},
    {"conversation", Z, ALL, FR, 0,
     "Huisbezoek: gesprek met {ouders} en {naam}. {naam} vertelde zelf wat {hij} lastig vindt aan "
     "school en wat helpt. Afgesproken: {afspraak}."},
    {"conversation", A, N | E, FR, 0,
     "Gesprek op het gemeentehuis met {ouders} en {naam} over het verzuim. Eerst wordt ingezet op "
     "hulp; een proces-verbaal is nu niet aan de orde. Afgesproken: {afspraak}."},
    {"conversation", A, X, FR, 0,
     "Gesprek met {ouders} over de vrijstelling. {Ouders} {pl:willen|wil} graag dat onderwijs in beeld "
     "blijft; afgesproken om over een half jaar opnieuw te kijken."},
    {"conversation", K, ALL, FR, 0,
     "Telefonisch overleg met de coördinator van {school} over de mogelijkheden. Afgesproken: "
     "{afspraak}."},
    {"conversation", O, ALL, FR, 0,
     "Gesprek met {naam}. {Hij} kon goed verwoorden wat helpt: een vaste plek, vooraf weten wat er "
     "gaat gebeuren en op tijd even naar buiten. Dit wordt opgenomen in het OPP."},
    {"conversation", M, ALL, FR, 0,
     "Gesprek met {ouders} over de ondersteuning thuis. Het gezin wil graag één plan waarin school "
     "en hulp op elkaar aansluiten. Afgesproken: {afspraak}."},
    {"conversation", T, E, FR, P,
     "Kort gesprek met {ouders} bij het ophalen: {naam} had een goede dag en was trots op {zijn} "
     "werk. Fijn om samen te delen."},
    {"conversation", C | T | Z, N, FR, 0,
     "Gesprek met {naam} thuis, samen met {ouders}. {naam} wil graag weer naar school, maar ziet op "
     "tegen een volle klas. Afgesproken: {afspraak}."},
    // ---- meetings ------------------------------------------------------------------------
    {"meeting", ANY, ALL, FR, 0,
     "{overleg} gehad met {aanwezigen}. {inhoud} Afgesproken: {afspraak}; {afspraak}. Volgende "
     "evaluatie {evaluatie}."},
    {"meeting", ANY, E | N | X, FR, 0,
     "{overleg}. Aanwezig: {aanwezigen}. {inhoud} Afspraken: {afspraak}; {afspraak}."},
    {"meeting", C | O | K | Z | M, E | N, R, 0,
     "Evaluatie van het OPP met {aanwezigen}. {inhoud} Plan bijgesteld; afgesproken: {afspraak}."},
    {"meeting", C | K, N, R, 0,
     "Casus anoniem ingebracht in het plaatsingsoverleg van het samenwerkingsverband. De school "
     "heeft al twee andere scholen benaderd. Uitkomst: {uitkomst}. Wordt in het volgende overleg "
     "nagelopen."},
    {"meeting", A | K, N | X, R, 0,
     "Maandelijks afstemmingsoverleg leerplicht en samenwerkingsverband: {naam} besproken. Taken "
     "verdeeld: {afspraak}."},
    {"meeting", A | K | M, N, R, 0,
     "Casus besproken in de kerngroep van de Taskforce thuiszitters. Een onafhankelijk "
     "zaakonderzoeker gaat op huisbezoek bij {ouders}; daarna volgt een bindend besluit over de "
     "plaatsing."},
    // ---- decisions -----------------------------------------------------------------------
    {"decision", ANY, E, R, 0,
     "Besluit MDO: {naam} start met een maatwerktraject van {maanden} maanden. {zorgplicht} "
     "Evaluatie minimaal eens per kwartaal; terugkeerdraaiboek wordt opgesteld."},
    {"decision", C | O | K, E, R, P,
     "Besloten een TLV voor het speciaal onderwijs aan te vragen. {Ouders} {pl:zijn|is} akkoord; de "
     "orthopedagoog levert het deskundigenadvies."},
    {"decision", ANY, E, R, 0,
     "Besluit: opbouw naar {dagdelen} dagdelen per week vanaf volgende week. Bij terugval eerst "
     "contact met {ouders} en de {mentor}."},
    {"decision", Z | M, ALL, R, MP,
     "Afgesproken dat de regie bij de jeugdhulp ligt, omdat de hulpvraag vooral thuis ligt. School "
     "blijft verantwoordelijk voor het onderwijsdeel en sluit aan bij elk MDO."},
    {"decision", C | O | T, E | N, R, 0,
     "Handelingsdeel van het OPP vastgesteld; {ouders} {pl:hebben|heeft} ingestemd. {naam} is gehoord over "
     "{zijn} plan en heeft zelf twee doelen gekozen."},
    {"decision", ANY, N, R, 0,
     "Besluit: start thuisdocent-traject, maximaal drie uur per week, voor een half jaar. Evaluatie "
     "elke zes weken; doel is terugkeer naar een school binnen twaalf weken."},
    {"decision", ANY, N, R, P,
     "Besluit: {naam} start met een observatieperiode in de praktijkklas (fase 2) van een SO-school. "
     "Leerplicht en het samenwerkingsverband volgen de voortgang."},
    {"decision", ANY, X, R, 0,
     "Besluit: de vrijstelling blijft voorlopig van kracht. Leerplicht plant over een half jaar een "
     "nieuw gesprek; de consulent van het samenwerkingsverband houdt vinger aan de pols."},
    {"decision", ANY, E, R, H,
     "Besluit: het arrangement wordt met een half jaar verlengd, met redenen vastgelegd. Het "
     "terugkeerdraaiboek met {stamschool} wordt bijgewerkt."},
    {"decision", ANY, L, R, 0,
     "Besloten het dossier af te sluiten na de overdracht aan de nieuwe school. Nazorg: de {mentor} "
     "neemt over zes weken nog contact op met {ouders}."},
};

unsigned author_bit(Author a) {
  switch (a) {
  case Author::Coordinator: return C;
  case Author::Teacher: return T;
  case Author::Consultant: return K;
  case Author::Orthopedagogue: return O;
  case Author::Care: return Z;
  case Author::Attendance: return A;
  case Author::Municipality: return M;
  }
  return C;
}

} // namespace

std::string fill(std::string_view tmpl, const TextContext& ctx, Rng& rng) {
  return fill_depth(tmpl, ctx, rng, 0);
}

std::vector<std::string> choose_support_needs(const TextContext& ctx, int count, Rng& rng) {
  std::vector<int> weights;
  for (const auto& n : kNeeds)
    weights.push_back(need_weight(n.code, ctx));
  std::vector<std::string> out;
  while (static_cast<int>(out.size()) < count) {
    const std::size_t i = rng.weighted(weights);
    if (weights[i] == 0) break;
    weights[i] = 0; // distinct codes
    out.emplace_back(kNeeds[i].code);
  }
  return out;
}

/// Texts about an interpreter or a home language only fit families who speak another language.
bool fits_language(SV text, const TextContext& ctx) {
  return ctx.other_home_language ||
         (text.find("tolk") == SV::npos && text.find("Nederlands gesproken") == SV::npos);
}

std::string support_need_text(std::string_view code, const TextContext& ctx, Rng& rng) {
  for (const auto& n : kNeeds) {
    if (n.code != code) continue;
    std::vector<SV> fitting;
    for (SV t : n.texts) {
      if (fits_language(t, ctx)) fitting.push_back(t);
    }
    return fill(fitting[rng.index(fitting.size())], ctx, rng);
  }
  return fill(kNeeds[std::size(kNeeds) - 1].texts[0], ctx, rng);
}

std::string factor_text(bool promoting, std::string_view area, const TextContext& ctx, Rng& rng) {
  for (const auto& f : kFactors) {
    if (f.promoting != promoting || f.area != area) continue;
    std::vector<SV> fitting;
    for (SV t : f.texts) {
      if (!t.empty() && fits_language(t, ctx)) fitting.push_back(t);
    }
    return fill(pick_fresh(fitting, ctx, rng), ctx, rng);
  }
  return {};
}

std::string load_capacity_text(const TextContext& ctx, Rng& rng) {
  if (ctx.status == "not_enrolled") return fill(rng.pick(std::span<const SV>(kLoadHome)), ctx, rng);
  if (ctx.status == "exempted") return fill(rng.pick(std::span<const SV>(kLoadExempted)), ctx, rng);
  if (ctx.status == "left") return fill(rng.pick(std::span<const SV>(kLoadLeft)), ctx, rng);
  return fill(rng.pick(std::span<const SV>(kLoadEnrolled)), ctx, rng);
}

std::string care_history_text(const TextContext& ctx, Rng& rng) {
  std::string out;
  if (ctx.age >= 7) out = fill(rng.pick(std::span<const SV>(kHistoryEarly)), ctx, rng);
  if (ctx.age < 7 || rng.percent(80)) {
    if (!out.empty()) out += ' ';
    const bool home = ctx.status == "not_enrolled" || ctx.status == "exempted";
    out += fill(home && rng.percent(50) ? rng.pick(std::span<const SV>(kHistoryHome))
                                        : rng.pick(std::span<const SV>(kHistoryRecent)),
                ctx, rng);
  }
  if (ctx.status == "not_enrolled") {
    out += fill(" Sinds {thuisweken} niet meer op school; daarvoor al een periode wisselend "
                "verzuim.",
                ctx, rng);
  }
  return out;
}

std::string note_text(std::string_view kind, Author author, NoteStage stage, const TextContext& ctx, Rng& rng,
                      bool allow_repeat) {
  const unsigned a = author_bit(author);
  const unsigned s = status_bit(ctx.status);
  const unsigned st = stage == NoteStage::First ? F : R;
  const unsigned flags = context_flags(ctx);
  std::vector<const NoteTemplate*> fits;
  auto collect = [&](bool strict_author, bool strict_stage) {
    for (const auto& t : kNotes) {
      if (t.kind != kind || (t.statuses & s) == 0 || (t.needs & flags) != t.needs) continue;
      if (strict_author && (t.authors & a) == 0) continue;
      if (strict_stage && (t.stages & st) == 0) continue;
      fits.push_back(&t);
    }
  };
  collect(true, true);
  if (fits.empty()) collect(true, false);
  if (fits.empty()) collect(false, true);
  if (fits.empty()) return fill("Contact gehad met {ouders} over de voortgang van {naam}.", ctx, rng);
  std::vector<SV> texts;
  for (const auto* t : fits)
    texts.push_back(t->text);
  const bool fresh = std::any_of(texts.begin(), texts.end(), [&](SV t) {
    return std::find(ctx.used.begin(), ctx.used.end(), t.data()) == ctx.used.end();
  });
  if (!fresh && !allow_repeat) return {};
  return fill(pick_fresh(texts, ctx, rng), ctx, rng);
}

} // namespace eenplan::demo::detail

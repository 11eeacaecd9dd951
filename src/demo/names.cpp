#include "demo/names.hpp"

#include <array>

namespace eenplan::demo::detail {
namespace {

using SV = std::string_view;

// --- Dutch -------------------------------------------------------------------------------------
constexpr SV kNlBoys[] = {"Daan",  "Sem",   "Lucas",   "Finn",  "Levi",   "Milan",  "Bram",   "Noah",
                          "Jesse", "Thijs", "Luuk",    "Ruben", "Sven",   "Tim",    "Julian", "Stijn",
                          "Mees",  "Jens",  "Thomas",  "Lars",  "Gijs",   "Tygo",   "Teun",   "Boaz",
                          "Hidde", "Siem",  "Olivier", "Joep",  "Floris", "Wessel", "Jurre",  "Niek"};
constexpr SV kNlGirls[] = {"Emma", "Julia", "Tess",    "Sophie", "Zoë",   "Mila", "Sara",  "Lotte",
                           "Eva",  "Noor",  "Fenna",   "Saar",   "Lieke", "Isa",  "Fleur", "Anna",
                           "Roos", "Nina",  "Jasmijn", "Lisa",   "Femke", "Yara", "Evi",   "Liv",
                           "Nova", "Maud",  "Floor",   "Iris",   "Esmee", "Elin", "Merel", "Puck"};
constexpr SV kNlMen[] = {"Jeroen", "Mark",    "Dennis",  "Erik",   "Bas",   "Martijn", "Rob",   "Niels",
                         "Sander", "Pieter",  "Wouter",  "Jasper", "Remco", "Michiel", "Arjan", "Frank",
                         "Johan",  "Vincent", "Maarten", "Ruud",   "Koen",  "Gerrit",  "Hans",  "Bart"};
constexpr SV kNlWomen[] = {"Marieke", "Linda",  "Sandra",  "Anouk",  "Esther",   "Ilse",    "Kim",
                           "Manon",   "Sanne",  "Mirjam",  "Petra",  "Janneke",  "Wendy",   "Marloes",
                           "Inge",    "Judith", "Miranda", "Nicole", "Annemiek", "Hanneke", "Eline",
                           "Renske",  "Karin",  "Ingrid",  "Yvonne", "Maaike",   "Gerdien", "Annelies"};
constexpr SV kNlFamilies[] = {"de Vries",
                              "van den Berg",
                              "van Dijk",
                              "Bakker",
                              "Jansen",
                              "Visser",
                              "Smit",
                              "Meijer",
                              "de Boer",
                              "Mulder",
                              "de Groot",
                              "Bos",
                              "Vos",
                              "Peters",
                              "Hendriks",
                              "van Leeuwen",
                              "Dekker",
                              "Brouwer",
                              "de Wit",
                              "Dijkstra",
                              "Smits",
                              "de Graaf",
                              "van der Meer",
                              "van der Linden",
                              "Kok",
                              "Jacobs",
                              "de Haan",
                              "Vermeulen",
                              "van den Heuvel",
                              "van der Veen",
                              "van den Broek",
                              "de Bruijn",
                              "de Jong",
                              "Schouten",
                              "Huisman",
                              "Kuipers",
                              "Veenstra",
                              "Prins",
                              "Post",
                              "Hofman",
                              "Timmerman",
                              "Kamphuis",
                              "Lubbers",
                              "Nijhuis",
                              "Wolters",
                              "Brinkman",
                              "Scholten",
                              "Hulshof",
                              "ter Horst",
                              "Kroeze",
                              "Boerman",
                              "Bruggink",
                              "van Wijk",
                              "Zwiers",
                              "Reinders",
                              "Kuiper",
                              "Lammers",
                              "Hoekstra",
                              "Koster",
                              "Westerhof",
                              "Mensink",
                              "Oosterhuis",
                              "van Dam",
                              "Koning",
                              "Bosman",
                              "Pol",
                              "Groen",
                              "Blom",
                              "van Beek",
                              "Wever",
                              "Evers",
                              "Haverkamp",
                              "Steenbergen",
                              "Klein Gunnewiek",
                              "Nieuwenhuis",
                              "Roelofs",
                              "Spijkerman",
                              "van Ommen"};

// --- Turkish -----------------------------------------------------------------------------------
constexpr SV kTrBoys[] = {"Emir", "Yusuf", "Mert", "Kerem", "Efe",   "Burak",
                          "Ömer", "Arda",  "Eren", "Can",   "Hamza", "Baran"};
constexpr SV kTrGirls[] = {"Elif", "Zeynep", "Ecrin", "Esra", "Defne", "Ela",
                           "Azra", "Melek",  "İrem",  "Nisa", "Eylül", "Asya"};
constexpr SV kTrMen[] = {"Mehmet", "Ahmet",  "Hasan", "Mustafa", "Hüseyin",
                         "Murat",  "Serkan", "Orhan", "Kemal"};
constexpr SV kTrWomen[] = {"Ayşe", "Fatma", "Hatice", "Emine", "Derya", "Gül", "Sevgi", "Nermin", "Songül"};
constexpr SV kTrFamilies[] = {"Yılmaz", "Kaya",  "Demir", "Şahin",  "Çelik", "Öztürk",  "Aydın",
                              "Arslan", "Doğan", "Koç",   "Yıldız", "Kurt",  "Özdemir", "Aksoy"};

// --- Moroccan ----------------------------------------------------------------------------------
constexpr SV kMaBoys[] = {"Mohamed", "Adam",   "Ayoub", "Bilal",   "Ilias",   "Rayan",
                          "Amin",    "Yassin", "Anas",  "Zakaria", "Soufian", "Imran"};
constexpr SV kMaGirls[] = {"Yasmina", "Aya",   "Imane", "Hiba",  "Nour",  "Salma",
                           "Malak",   "Ikram", "Lina",  "Douae", "Hajar", "Sara"};
constexpr SV kMaMen[] = {"Mohamed", "Abdelkader", "Rachid", "Mustapha",
                         "Youssef", "Driss",      "Hassan", "Khalid"};
constexpr SV kMaWomen[] = {"Fatima", "Khadija", "Naima", "Malika", "Samira", "Rachida", "Nadia", "Latifa"};
constexpr SV kMaFamilies[] = {"El Amrani",  "Bouzid",    "El Idrissi", "Benali",   "Azzouzi",
                              "Ouali",      "El Khatib", "Ait Taleb",  "Boukhari", "Tahiri",
                              "El Hadioui", "Chaibi",    "Bakkali",    "Ziani",    "Essafi"};

// --- Surinamese (Creole) -----------------------------------------------------------------------
constexpr SV kSrBoys[] = {"Jayden", "Dylan",  "Shane",  "Romano",  "Quincy",
                          "Delano", "Jaydon", "Xavier", "Jermaine"};
constexpr SV kSrGirls[] = {"Shanice", "Naomi",  "Chelsea", "Djamila", "Kimberley",
                           "Jamila",  "Gianna", "Shirley", "Destiny"};
constexpr SV kSrMen[] = {"Errol", "Ricardo", "Glenn", "Roy", "Marvin", "Romeo", "Steven"};
constexpr SV kSrWomen[] = {"Sharon", "Gracia", "Patricia", "Joyce", "Rowena", "Cynthia", "Tamara"};
constexpr SV kSrFamilies[] = {"Pinas",    "Wijngaarde", "Sedney",   "Rellum",  "Kross",  "Ooft",
                              "Doelwijt", "Amatstam",   "Bergraaf", "Zeefuik", "Vlijter"};

// --- Surinamese (Hindustani) -------------------------------------------------------------------
constexpr SV kHiBoys[] = {"Ravi", "Sunil", "Vishal", "Rohan", "Dev", "Arjun", "Kiran", "Nikhil"};
constexpr SV kHiGirls[] = {"Priya", "Anjali", "Ashna", "Kavita", "Riya", "Shreya", "Sita", "Divya"};
constexpr SV kHiMen[] = {"Rajesh", "Anil", "Ramesh", "Sanjay", "Dinesh", "Kishan"};
constexpr SV kHiWomen[] = {"Sunita", "Reshma", "Anita", "Shanti", "Radha", "Usha"};
constexpr SV kHiFamilies[] = {"Ramdin", "Jagesar", "Mahabier", "Ramsaran",
                              "Ramlal", "Soekhoe", "Baldew",   "Gangadin"};

// --- Polish ------------------------------------------------------------------------------------
constexpr SV kPlBoys[] = {"Jakub", "Kacper", "Filip", "Szymon", "Oskar", "Antoni", "Mikołaj", "Wojciech"};
constexpr SV kPlGirls[] = {"Zuzanna", "Maja", "Hanna", "Lena", "Alicja", "Oliwia", "Natalia", "Wiktoria"};
constexpr SV kPlMen[] = {"Piotr", "Tomasz", "Marcin", "Krzysztof", "Paweł", "Grzegorz"};
constexpr SV kPlWomen[] = {"Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Ewa", "Monika"};
constexpr SV kPlFamilies[] = {"Kowalski", "Nowak",     "Wiśniewski", "Lewandowski", "Kamiński",
                              "Wójcik",   "Zieliński", "Szymański",  "Kaczmarek",   "Mazur"};

// --- Syrian ------------------------------------------------------------------------------------
constexpr SV kSyBoys[] = {"Omar", "Karim", "Ahmad", "Yazan", "Tarek", "Majd", "Hadi"};
constexpr SV kSyGirls[] = {"Lara", "Rama", "Maya", "Sham", "Jana", "Rahaf", "Layan"};
constexpr SV kSyMen[] = {"Mahmoud", "Fadi", "Bassam", "Ziad", "Khaled"};
constexpr SV kSyWomen[] = {"Rania", "Hiba", "Suha", "Amal", "Nisreen"};
constexpr SV kSyFamilies[] = {"Al-Hassan", "Haddad", "Khalil", "Mansour",
                              "Darwish",   "Al-Ali", "Hamdan", "Nasser"};

// --- Eritrean ----------------------------------------------------------------------------------
constexpr SV kErBoys[] = {"Yonas", "Filmon", "Dawit", "Samuel", "Robel", "Merhawi"};
constexpr SV kErGirls[] = {"Semhar", "Helen", "Luwam", "Selam", "Feven", "Saba"};
constexpr SV kErMen[] = {"Tesfay", "Gebre", "Amanuel", "Mehari"};
constexpr SV kErWomen[] = {"Abrehet", "Tsega", "Mebrat", "Senait"};
constexpr SV kErFamilies[] = {"Tesfaye", "Gebremedhin", "Haile", "Tekle", "Kidane", "Berhane", "Weldu"};

const NameOrigin kOrigins[] = {
    {"nl", 62, 80, kNlBoys, kNlGirls, kNlMen, kNlWomen, kNlFamilies, false},
    {"tr", 8, 5, kTrBoys, kTrGirls, kTrMen, kTrWomen, kTrFamilies, false},
    {"ma", 9, 6, kMaBoys, kMaGirls, kMaMen, kMaWomen, kMaFamilies, false},
    {"sr", 5, 4, kSrBoys, kSrGirls, kSrMen, kSrWomen, kSrFamilies, false},
    {"hi", 3, 2, kHiBoys, kHiGirls, kHiMen, kHiWomen, kHiFamilies, false},
    {"pl", 6, 2, kPlBoys, kPlGirls, kPlMen, kPlWomen, kPlFamilies, true},
    {"sy", 5, 1, kSyBoys, kSyGirls, kSyMen, kSyWomen, kSyFamilies, false},
    {"er", 2, 0, kErBoys, kErGirls, kErMen, kErWomen, kErFamilies, false},
};

// --- Places ------------------------------------------------------------------------------------
constexpr SV kVechterveen[] = {"Vechterveen", "Westerhorst"};
constexpr SV kReestmond[] = {"Reestmond", "Oosterlinde"};
constexpr SV kHasselbroek[] = {"Hasselbroek", "Dalmsweerd", "Ommerhoek"};
constexpr SV kLindewolde[] = {"Lindewolde", "Heerdervaart"};

const MunicipalityDef kMunicipalities[] = {
    {"Vechterveen", "vechterveen", 8021, 8047, 40, kVechterveen, "CJG Vechterveen"},
    {"Reestmond", "reestmond", 7941, 7958, 25, kReestmond, "Sociaal Wijkteam Reestmond"},
    {"Hasselbroek", "hasselbroek", 7711, 7729, 20, kHasselbroek, "Wijkteam Hasselbroek"},
    {"Lindewolde", "lindewolde", 8061, 8079, 15, kLindewolde, "Centrum voor Jeugd en Gezin Lindewolde"},
};

constexpr SV kStreets[] = {"Schoolstraat",
                           "Kerkstraat",
                           "Molenweg",
                           "Dorpsstraat",
                           "Lindelaan",
                           "Esdoornlaan",
                           "Beukenlaan",
                           "Burgemeester Visserlaan",
                           "Prinses Julianastraat",
                           "Wilhelminastraat",
                           "Oranjelaan",
                           "Stationsweg",
                           "Havenstraat",
                           "Marktstraat",
                           "Sportlaan",
                           "Kastanjelaan",
                           "Vechtdijk",
                           "Reestweg",
                           "Hooilanden",
                           "Zwanenveld",
                           "Eikenlaan",
                           "Populierenlaan",
                           "De Brink",
                           "Nieuwstraat",
                           "Veldweg",
                           "Koppelstraat",
                           "Meidoornstraat",
                           "Vlierstraat",
                           "Merelstraat",
                           "Lijsterstraat",
                           "Tulpstraat",
                           "Rozenstraat",
                           "Kamperweg",
                           "Esweg",
                           "Akkerstraat",
                           "Watermolenweg",
                           "Dr. Ariënslaan",
                           "Van Heeckerenstraat",
                           "Hoofdstraat",
                           "Parkweg"};

constexpr SV kPasswordWords[] = {
    "Appel",  "Wolk",  "Fiets",  "Molen", "Tulp",    "Boom",   "Regen", "Sneeuw", "Haven", "Brug",  "Duin",
    "Polder", "Kaas",  "Klomp",  "Zeil",  "Vlinder", "Kikker", "Egel",  "Vos",    "Uil",   "Merel", "Eik",
    "Linde",  "Beek",  "Dijk",   "Sloot", "Weide",   "Schuur", "Lamp",  "Kompas", "Anker", "Baken", "Toren",
    "Klok",   "Zomer", "Winter", "Lente", "Herfst",  "Ster",   "Maan",  "Zon",    "Wind",  "Storm", "Golf",
    "Strand", "Bos",   "Heide",  "Veld",  "Akker",   "Koe",    "Paard", "Schaap", "Geit",  "Haas",  "Mus",
    "Reiger", "Otter", "Bever",  "Kers",  "Peer",    "Pruim",  "Tegel", "Vlag",   "Kaars"};

// --- Schools -----------------------------------------------------------------------------------
constexpr SchoolName kPrimary[] = {{"De Regenboog", "regenboog"},
                                   {"Het Kompas", "kompas"},
                                   {"De Wegwijzer", "wegwijzer"},
                                   {"De Vlinder", "vlinder"},
                                   {"De Fontein", "fontein"},
                                   {"De Zonnewijzer", "zonnewijzer"},
                                   {"Het Anker", "anker"},
                                   {"De Klimop", "klimop"},
                                   {"De Springplank", "springplank"},
                                   {"De Tweemaster", "tweemaster"},
                                   {"De Bron", "bron"},
                                   {"De Wilgenhoek", "wilgenhoek"},
                                   {"Het Palet", "palet"},
                                   {"De Schakel", "schakel"},
                                   {"De Ark", "ark"},
                                   {"De Horizon", "horizon"},
                                   {"Het Mozaïek", "mozaiek"},
                                   {"De Boomgaard", "boomgaard"},
                                   {"De Meander", "meander"},
                                   {"De Esch", "esch"},
                                   {"De Toermalijn", "toermalijn"},
                                   {"De Sterrenboog", "sterrenboog"},
                                   {"De Vuurtoren", "vuurtoren"},
                                   {"Het Kleurrijk", "kleurrijk"},
                                   {"De Wielewaal", "wielewaal"},
                                   {"Het Vlot", "vlot"},
                                   {"De Zevensprong", "zevensprong"},
                                   {"De Lindehof", "lindehof"},
                                   {"Het Talent", "talent"},
                                   {"De Kiem", "kiem"},
                                   {"De Driesprong", "driesprong"},
                                   {"De Marke", "marke"},
                                   {"Het Lichtpunt", "lichtpunt"},
                                   {"De Triangel", "triangel"}};
constexpr SchoolName kOpenbaar[] = {{"Openbare Basisschool {plaats}", "obs{plaats}"},
                                    {"Montessorischool {plaats}", "montessori"},
                                    {"Jenaplanschool De Wervel", "wervel"}};
constexpr SchoolName kChristelijk[] = {{"Koningin Julianaschool", "juliana"},
                                       {"Prins Willem-Alexanderschool", "willemalexander"},
                                       {"Johan Frisoschool", "johanfriso"},
                                       {"Groen van Prinstererschool", "groenvanprinsterer"}};
constexpr SchoolName kKatholiek[] = {{"Sint Jozefschool", "sintjozef"},
                                     {"Sint Franciscusschool", "franciscus"},
                                     {"Dr. Schaepmanschool", "schaepman"},
                                     {"Titus Brandsmaschool", "titusbrandsma"}};
constexpr SchoolName kSbo[] = {{"SBO De Sprong", "sprong"},
                               {"SBO Het Startpunt", "startpunt"},
                               {"SBO De Twijn", "twijn"},
                               {"SBO De Windroos", "windroos"},
                               {"SBO De Klinker", "klinker"}};
constexpr SchoolName kSpecial[] = {{"De Horst", "horst"},
                                   {"Het Rondeel", "rondeel"},
                                   {"De Vaart", "vaart"},
                                   {"Het Kristal", "kristal"},
                                   {"De Kapstok", "kapstok"}};

constexpr SV kLevelsAll[] = {"vmbo-b", "vmbo-k", "vmbo-gt", "havo", "vwo"};
constexpr SV kLevelsHavoVwo[] = {"havo", "vwo"};
constexpr SV kLevelsVwo[] = {"vwo"};
constexpr SV kLevelsVmbo[] = {"vmbo-b", "vmbo-k", "vmbo-gt"};
constexpr SV kLevelsVmboBK[] = {"vmbo-b", "vmbo-k"};
constexpr SV kLevelsGtHavo[] = {"vmbo-gt", "havo"};
constexpr SV kLevelsMbo[] = {"entree", "mbo-2", "mbo-3", "mbo-4"};
constexpr SV kLevelsGroen[] = {"entree", "mbo-2", "mbo-3"};

constexpr VoSchoolName kVo[] = {{"Christelijk Lyceum {plaats}", "lyceum", kLevelsHavoVwo},
                                {"{plaats} College", "{plaats}college", kLevelsAll},
                                {"Openbare Scholengemeenschap De Brink", "osgdebrink", kLevelsAll},
                                {"Vakcollege {plaats}", "vakcollege", kLevelsVmboBK},
                                {"Sint-Canisiuscollege", "canisius", kLevelsVmbo},
                                {"Stedelijk Gymnasium {plaats}", "gymnasium", kLevelsVwo},
                                {"Het Linde College", "lindecollege", kLevelsGtHavo},
                                {"Esvelde Scholengemeenschap", "esvelde", kLevelsAll},
                                {"Thorbecke Mavo {plaats}", "thorbecke", kLevelsVmbo}};
constexpr SchoolName kPro[] = {{"Praktijkschool {plaats}", "praktijkschool"},
                               {"Praktijkschool De Boei", "deboei"},
                               {"Praktijkcollege Het Ambacht", "ambacht"}};
constexpr VoSchoolName kMbo[] = {{"ROC Vecht en Reest, locatie {plaats}", "roc", kLevelsMbo},
                                 {"Groen College {plaats}", "groencollege", kLevelsGroen}};

constexpr CareProviderDef kCare[] = {
    {"De Vechtstroom Jeugdhulp", "vechtstroom", "Hoofdlocatie"},
    {"Stichting Kinderkracht Oost", "kinderkracht", "Locatie ambulante hulp"},
    {"Zorgboerderij De Hoge Esch", "hogeesch", "Zorgboerderij"},
    {"Praktijk Veldzicht voor kind en gezin", "veldzicht", "Praktijk"},
    {"Stroomdal Ambulante Jeugdhulp", "stroomdal", "Kantoor"},
    {"Jeugd-GGZ Lindeland", "lindeland", "Behandellocatie"}};

} // namespace

std::span<const NameOrigin> name_origins() {
  return kOrigins;
}

std::string family_for(const NameOrigin& origin, std::string_view family, bool female) {
  std::string out(family);
  if (female && origin.gendered_family && out.size() > 2 && out.ends_with("ki")) {
    out.back() = 'a'; // Kowalski → Kowalska, Zieliński → Zielińska
  }
  return out;
}

std::span<const MunicipalityDef> municipalities() {
  return kMunicipalities;
}
std::span<const std::string_view> streets() {
  return kStreets;
}
std::span<const std::string_view> password_words() {
  return kPasswordWords;
}
std::span<const SchoolName> primary_school_names() {
  return kPrimary;
}

std::span<const SchoolName> denominational_names(Denomination d) {
  switch (d) {
  case Denomination::Openbaar: return kOpenbaar;
  case Denomination::Christelijk: return kChristelijk;
  case Denomination::Katholiek: return kKatholiek;
  }
  return kOpenbaar;
}

std::span<const SchoolName> sbo_names() {
  return kSbo;
}
std::span<const SchoolName> special_names() {
  return kSpecial;
}
std::span<const VoSchoolName> vo_school_names() {
  return kVo;
}
std::span<const SchoolName> pro_school_names() {
  return kPro;
}
std::span<const VoSchoolName> mbo_school_names() {
  return kMbo;
}
std::span<const CareProviderDef> care_providers() {
  return kCare;
}

std::string ascii_slug(std::string_view s) {
  // UTF-8 sequences of the letters that occur in our name lists, folded to ascii.
  static constexpr std::array<std::pair<std::string_view, char>, 30> kFold{{
      {"é", 'e'}, {"è", 'e'}, {"ë", 'e'}, {"ê", 'e'}, {"ę", 'e'}, {"ï", 'i'}, {"í", 'i'}, {"ı", 'i'},
      {"İ", 'i'}, {"ö", 'o'}, {"ó", 'o'}, {"Ö", 'o'}, {"ü", 'u'}, {"ú", 'u'}, {"ç", 'c'}, {"Ç", 'c'},
      {"ć", 'c'}, {"ş", 's'}, {"Ş", 's'}, {"ś", 's'}, {"ğ", 'g'}, {"ä", 'a'}, {"á", 'a'}, {"à", 'a'},
      {"ą", 'a'}, {"ń", 'n'}, {"ł", 'l'}, {"ź", 'z'}, {"ż", 'z'}, {"ñ", 'n'},
  }};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z')
        out.push_back(static_cast<char>(c - 'A' + 'a'));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    bool folded = false;
    for (const auto& [seq, ascii] : kFold) {
      if (s.substr(i).starts_with(seq)) {
        out.push_back(ascii);
        i += seq.size();
        folded = true;
        break;
      }
    }
    if (!folded) ++i; // skip unknown bytes
  }
  return out;
}

} // namespace eenplan::demo::detail

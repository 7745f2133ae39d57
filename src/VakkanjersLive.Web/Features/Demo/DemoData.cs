namespace VakkanjersLive.Web.Features.Demo;

/// <summary>Invented names for the seeded demo. Any likeness to real schools or pupils is coincidental.</summary>
internal static class DemoData
{
    public static readonly (string Name, string Description)[] Categories =
    [
        ("Junior", "Groep 7–8"),
        ("Scout", "1 vmbo"),
        ("Explorer", "2 en 3 vmbo"),
        ("Pioneer", "3 en 4 vmbo"),
        ("Navigator", "mbo"),
    ];

    public static readonly (string Name, decimal Weight, string Help)[] Rubric =
    [
        ("Oplossing voor de opdrachtgever", 35m, "Lost het idee het echte probleem van de opdrachtgever op? Heeft het team met de opdrachtgever gepraat en getest?"),
        ("Technisch ontwerp", 25m, "Werkt het prototype? Zijn de technische keuzes uitgelegd en onderbouwd?"),
        ("Creativiteit en vernieuwing", 20m, "Is het idee verrassend of slim? Heeft het team iets nieuws bedacht in plaats van iets bestaands na te maken?"),
        ("Presentatie en samenwerking", 20m, "Vertelt het team een helder verhaal? Doet iedereen mee en kan het team vragen beantwoorden?"),
    ];

    public static readonly (string Name, string City)[] Schools =
    [
        ("Basisschool De Regenboog", "Zwolle"), ("OBS Het Baken", "Almere"), ("CBS De Wegwijzer", "Ede"),
        ("Kindcentrum De Vlinder", "Tilburg"), ("Basisschool Sint Jozef", "Venlo"), ("OBS De Windroos", "Leeuwarden"),
        ("IKC De Sterrenkijker", "Amersfoort"), ("Jenaplanschool De Kring", "Haarlem"), ("Montessorischool Oost", "Utrecht"),
        ("Daltonschool De Brug", "Groningen"), ("Technova College", "Ede"), ("Stedelijk Lyceum Noord", "Enschede"),
        ("Vakcollege Rijnmond", "Rotterdam"), ("Het Technasium Deventer", "Deventer"), ("Maaslandcollege", "Oss"),
        ("Pallas Vakcollege", "Nijmegen"), ("Helicon vmbo", "Den Bosch"), ("Vakcollege Noordoost", "Emmen"),
        ("Dockinga College", "Dokkum"), ("Vathorst College", "Amersfoort"), ("Het Vlietland", "Leiden"),
        ("Einstein Lyceum", "Hoorn"), ("Sint-Janscollege", "Hoensbroek"), ("Bonhoeffer College", "Enschede"),
        ("Calvijn Vakcollege", "Rotterdam"), ("Isendoorn College", "Warnsveld"), ("Het Zwijsen", "Veghel"),
        ("Da Vinci College", "Dordrecht"), ("ROC Techniek Noord", "Groningen"), ("Deltion Techniek", "Zwolle"),
        ("Graafschap College", "Doetinchem"), ("Summa Techniek", "Eindhoven"), ("Noorderpoort Energie", "Assen"),
        ("Albeda Maritiem", "Rotterdam"), ("Alfa-college Bouw", "Hoogeveen"), ("Gilde Vakschool", "Roermond"),
    ];

    // Schools per category: primary schools compete in Junior, vmbo schools in Scout/Explorer/Pioneer, mbo in Navigator.
    public static readonly (int From, int To)[] SchoolRangePerCategory = [(0, 10), (10, 28), (10, 28), (10, 28), (28, 36)];

    public static readonly string[] TeamWords =
    [
        "Bouwers", "Uitvinders", "Techneuten", "Denkers", "Makers", "Bliksems", "Raketten", "Robotjes", "Slimmeriken",
        "Sterren", "Vonken", "Turbo's", "Pixels", "Stroomers", "Schakelaars", "Ingenieurs", "Ontdekkers", "Knutselaars",
    ];

    public static readonly string[] TeamPrefixes =
    [
        "De Groene", "De Snelle", "De Slimme", "De Stoere", "De Stille", "De Gouden", "De Blauwe", "De Wilde",
        "De Vrolijke", "De Dappere", "De Handige", "De Nieuwe",
    ];

    public static readonly string[] Clients =
    [
        "Stichting Groen Doen", "Zorgboerderij De Hoeve", "Dierenasiel Het Klavertje", "Voedselbank Oost", "Buurthuis De Schakel",
        "Waterschap Rivierenland", "Speeltuinvereniging Zonnestraal", "Verpleeghuis De Linde", "Natuurmonumenten-afdeling Veluwe",
        "Scouting De Zwervers", "Stichting Repair Café", "Gemeente-afdeling Duurzaamheid", "Stichting Stadsbijen", "Fietsersbond afdeling Noord",
    ];

    public static readonly string[] Solutions =
    [
        "Slimme plantenbak met vochtsensor", "Zonnepaneel dat de zon volgt", "App die voedselverspilling meet",
        "Robotarm die afval sorteert", "Waarschuwingslicht voor te hoge CO₂", "Automatische voerbak met tijdklok",
        "Regenwateropvang met pompje", "Tiltbare werkbank voor rolstoelgebruikers", "Slim slot voor de gereedschapskist",
        "Fietsverlichting die zelf stroom maakt", "Bijenhotel met temperatuursensor", "Geluidsmeter voor het klaslokaal",
        "Drone die zwerfafval zoekt", "Lichtgevend zebrapad", "Windmolen van gerecyclede materialen", "Alarmknop voor ouderen",
    ];

    public static readonly string[] FirstNames =
    [
        "Daan", "Sem", "Noah", "Lucas", "Finn", "Levi", "Milan", "Bram", "Jesse", "Thijs", "Luuk", "Mees", "Julian", "Sven", "Ryan",
        "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Eva", "Liv", "Anna", "Noor", "Fleur", "Lotte", "Yara",
        "Mohammed", "Ayoub", "Amira", "Fatima", "Sanne", "Jade", "Anne-Fleur", "Jan-Willem", "Sami", "Ilias",
    ];

    public static readonly string[] PollChoices =
    [
        "Een robot programmeren", "Met een 3D-printer werken", "Solderen en elektronica", "Meelopen bij een technisch bedrijf",
    ];

    /// <summary>Audience questions for the LIVE episode: text, whether a moderator approved it, and its upvotes.</summary>
    public static readonly (string Text, bool Approved, int Upvotes)[] Questions =
    [
        ("Wat doe je eigenlijk de hele dag in een techniekhub?", true, 7),
        ("Kun je ook naar een techniekhub als je op het vmbo zit?", true, 4),
        ("Welke bedrijven werken samen met de techniekhubs?", true, 2),
        ("Hoeveel kost het voor een school om mee te doen?", false, 0),
        ("Mag je zelf iets bouwen en mee naar huis nemen?", false, 0),
    ];

    public static readonly string[] JudgeNames =
    [
        "Marieke de Vries", "Hans Bakker", "Fatma Yilmaz", "Pieter Jansen", "Ingrid Smit", "Kees Visser",
        "Naima El Amrani", "Rob de Groot", "Esther Mulder", "Joost van Dijk", "Linda Bos", "Ahmed Benali",
        "Sandra Meijer", "Wouter Dekker", "Sophie van Leeuwen",
    ];

    public static readonly (string Name, string Description, string Organiser) Series =
    (
        "Sterk Techniekonderwijs LIVE",
        "Een online uitzending rondom een inhoudelijk thema uit de regioplannen Sterk Techniekonderwijs, elke maand.",
        "Jet-Net & TechNet"
    );

    /// <summary>The series' episodes, oldest first; the last one is the upcoming episode (the seeded LIVE event).</summary>
    public static readonly (string Theme, string Description, (string Name, string Role, string Organisation)[] Guests, string ReplayUrl)[] Episodes =
    [
        ("Techniekhubs", "Hoe scholen en bedrijven in de regio samen een techniekhub opzetten.",
            [("Sanne de Vries", "docent techniek", "Technova College"), ("Ruud Bakker", "projectleider", "Techniekhub Oost")],
            "https://example.org/sterk-techniekonderwijs-live/1"),
        ("Samen met het bedrijfsleven", "Gastlessen, bedrijfsbezoeken en speeddates: wat werkt voor leerlingen in het vmbo?",
            [("Fatima El Amrani", "opleidingscoördinator", "Installatiebedrijf Noord"), ("Joost Verhoeven", "teamleider techniek", "Vakcollege Rijnmond")],
            "https://example.org/sterk-techniekonderwijs-live/2"),
        ("Duurzaamheid en energietransitie", "Digitale gastlessen over duurzaamheid en energie: ervaringen van scholen.",
            [("Lotte Hendriks", "lerares natuurkunde", "Maaslandcollege")],
            "https://example.org/sterk-techniekonderwijs-live/3"),
        ("Techniekhubs in de regio", "Een jaar later: wat hebben de techniekhubs opgeleverd, en wat kun jij er morgen mee?",
            [("Sanne de Vries", "docent techniek", "Technova College"), ("Mohamed Aziz", "regiocoördinator", "Sterk Techniekonderwijs Oost"), ("Eva Mulder", "HR-adviseur", "Machinefabriek De Hoop")],
            ""),
    ];

    /// <summary>
    /// The run-of-show of every demo episode: name, planned minutes, producer notes, whether all guests are on, what it
    /// switches on (questions, the prepared poll, slow mode), and how long it ran in the past episodes (their chapters).
    /// </summary>
    public static readonly (string Name, int Minutes, string Notes, bool Guests, bool Questions, bool Poll, int SlowMode, int Ran)[] Segments =
    [
        ("Opening", 5, "Welkom, het thema in één zin, gasten kort voorstellen.", false, false, false, 0, 6),
        ("Panelgesprek", 20, "Drie vragen aan het panel; houd de tijd in de gaten.", true, false, false, 10, 22),
        ("Peiling", 5, "Peiling openen en de uitslag samen bespreken.", false, false, true, 0, 4),
        ("Vragen uit het publiek", 20, "Goedgekeurde vragen, meeste stemmen eerst.", true, true, false, 0, 21),
        ("Afsluiting", 5, "Volgende aflevering noemen, bedanken.", false, false, false, 0, 5),
    ];

    /// <summary>The prepared poll of the "Peiling" segment (a draft until its segment starts).</summary>
    public const string SegmentPollQuestion = "Heb jij al eens een techniekhub bezocht?";

    public static readonly string[] SegmentPollChoices = ["Ja, met school", "Ja, zelf", "Nog niet"];

    /// <summary>
    /// The upcoming episode's company speeddate (issue 14 item 5): companies from the annual report's "live en online
    /// speeddates met onder andere ASML en Philips" and its mkb network, each in its own meeting room.
    /// </summary>
    public static readonly (string Name, string Intro, string Person, string MeetingUrl)[] SpeeddateCompanies =
    [
        ("ASML", "Wij bouwen de machines waarmee chips worden gemaakt. Vraag ons hoe je met licht op nanometers werkt.", "Sanne de Vries", "https://meet.jit.si/vakkanjers-demo-asml"),
        ("Philips", "Van tandenborstel tot MRI-scanner: techniek voor gezondheid. Wat doet een monteur bij ons?", "Mark Jansen", "https://meet.jit.si/vakkanjers-demo-philips"),
        ("Toptechniek in Bedrijf", "Mkb-bedrijven uit de regio vertellen wat vakmensen met een mbo-diploma bouwen, installeren en repareren.", "Fatima El Amrani", "https://meet.jit.si/vakkanjers-demo-toptechniek"),
    ];

    /// <summary>The speeddate's schools (vmbo, from <see cref="Schools"/>) and their classes taking part.</summary>
    public static readonly (int School, string[] Classes)[] SpeeddateClasses = [(10, ["2A", "2B"]), (12, ["3T", "3K"])];
}

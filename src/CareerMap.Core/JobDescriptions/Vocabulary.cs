using System.Text;
using System.Text.RegularExpressions;

namespace CareerMap.JobDescriptions;

/// <summary>The words job descriptions use for their sections and header fields, whatever their case or punctuation.</summary>
static partial class Vocabulary
{
    /// <summary>Lower case, letters and digits only, single spaces: "Education & Experience:" → "education and experience".</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("&", " and ", StringComparison.Ordinal))
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    static readonly (string Phrase, JdSection Section)[] Headings =
    [
        ("job summary", JdSection.Summary), ("position summary", JdSection.Summary), ("general summary", JdSection.Summary), ("summary", JdSection.Summary),
        ("job purpose", JdSection.Summary), ("position purpose", JdSection.Summary), ("purpose of the position", JdSection.Summary),
        ("purpose of the role", JdSection.Summary), ("purpose of the job", JdSection.Summary), ("purpose", JdSection.Summary), ("overview", JdSection.Summary),
        ("position overview", JdSection.Summary), ("about the role", JdSection.Summary), ("about the job", JdSection.Summary),
        ("about the position", JdSection.Summary), ("about this role", JdSection.Summary), ("about the opportunity", JdSection.Summary),
        ("what the job is", JdSection.Summary), ("what this job is", JdSection.Summary), ("who we are", JdSection.Summary), ("the role", JdSection.Summary), ("role summary", JdSection.Summary),
        ("job description", JdSection.Summary), ("description", JdSection.Summary), ("position description", JdSection.Summary),
        // Civil-service class specifications and union class descriptions.
        ("definition", JdSection.Summary), ("class definition", JdSection.Summary), ("nature of work", JdSection.Summary), ("nature of the work", JdSection.Summary),
        ("general description", JdSection.Summary), ("summary of position", JdSection.Summary), ("summary of the position", JdSection.Summary),
        ("who are we looking for", JdSection.Summary),
        ("essential duties and responsibilities", JdSection.Responsibilities), ("duties and responsibilities", JdSection.Responsibilities),
        ("job duties and responsibilities", JdSection.Responsibilities), ("essential duties", JdSection.Responsibilities), ("essential functions", JdSection.Responsibilities),
        ("essential job functions", JdSection.Responsibilities), ("major responsibilities", JdSection.Responsibilities), ("key responsibilities", JdSection.Responsibilities),
        ("responsibilities", JdSection.Responsibilities), ("job responsibilities", JdSection.Responsibilities), ("duties", JdSection.Responsibilities),
        ("job duties", JdSection.Responsibilities), ("principal duties", JdSection.Responsibilities), ("principal accountabilities", JdSection.Responsibilities),
        ("accountabilities", JdSection.Responsibilities), ("key accountabilities", JdSection.Responsibilities), ("main duties", JdSection.Responsibilities), ("key duties", JdSection.Responsibilities), ("what you will do", JdSection.Responsibilities), ("what you ll do", JdSection.Responsibilities),
        ("primary responsibilities", JdSection.Responsibilities), ("essential responsibilities", JdSection.Responsibilities), ("tasks", JdSection.Responsibilities),
        ("examples of duties", JdSection.Responsibilities), ("example of duties", JdSection.Responsibilities), ("typical duties", JdSection.Responsibilities),
        ("illustrative tasks", JdSection.Responsibilities), ("illustrative duties", JdSection.Responsibilities), ("examples of work performed", JdSection.Responsibilities),
        ("principal responsibilities", JdSection.Responsibilities), ("what will i do", JdSection.Responsibilities), ("what the job involves", JdSection.Responsibilities),
        ("what you ll be doing", JdSection.Responsibilities), ("what you will be doing", JdSection.Responsibilities),
        ("education and experience requirements", JdSection.Education), ("education and experience", JdSection.Education), ("education experience", JdSection.Education),
        ("education", JdSection.Education), ("experience", JdSection.Education), ("education required", JdSection.Education), ("education requirements", JdSection.Education),
        ("education required preferred", JdSection.Education), ("experience required", JdSection.Education), ("required experience", JdSection.Education),
        ("education and training", JdSection.Education), ("training and experience", JdSection.Education),
        ("minimum qualifications", JdSection.Qualifications), ("required qualifications", JdSection.Qualifications), ("qualifications", JdSection.Qualifications),
        ("requirements", JdSection.Qualifications), ("minimum requirements", JdSection.Qualifications), ("job requirements", JdSection.Qualifications),
        ("what you bring", JdSection.Qualifications), ("what you ll bring", JdSection.Qualifications), ("who you are", JdSection.Qualifications), ("what you ll need", JdSection.Qualifications),
        ("what we re looking for", JdSection.Qualifications), ("what we are looking for", JdSection.Qualifications),
        ("what do i need", JdSection.Qualifications), ("what you need", JdSection.Qualifications), ("licenses and certifications", JdSection.Qualifications),
        ("certifications", JdSection.Qualifications), ("licensure", JdSection.Qualifications), ("certification", JdSection.Qualifications),
        ("knowledge skills and abilities", JdSection.Skills), ("knowledge skills abilities", JdSection.Skills), ("skills knowledge and abilities", JdSection.Skills),
        ("ksas", JdSection.Skills), ("ksa", JdSection.Skills), ("skills", JdSection.Skills), ("abilities", JdSection.Skills), ("skills and abilities", JdSection.Skills),
        ("knowledge", JdSection.Skills), ("competencies", JdSection.Skills), ("competency", JdSection.Skills), ("core competencies", JdSection.Skills),
        ("required skills", JdSection.Skills), ("key competencies", JdSection.Skills), ("skills required", JdSection.Skills),
        ("knowledge and abilities", JdSection.Skills), ("knowledge and skills", JdSection.Skills),
        ("preferred qualifications", JdSection.Desirable), ("desirable qualifications", JdSection.Desirable), ("preferred experience", JdSection.Desirable),
        ("preferred", JdSection.Desirable), ("desirable", JdSection.Desirable), ("desired qualifications", JdSection.Desirable), ("skills preferred", JdSection.Desirable),
        ("preferred skills", JdSection.Desirable), ("nice to have", JdSection.Desirable), ("bonus points", JdSection.Desirable), ("preferred education", JdSection.Desirable),
        ("performance expectations", JdSection.Performance), ("performance standards", JdSection.Performance), ("performance measures", JdSection.Performance),
        ("success measures", JdSection.Performance), ("how success is measured", JdSection.Performance),
        ("work environment", JdSection.WorkEnvironment), ("working conditions", JdSection.WorkEnvironment), ("work conditions", JdSection.WorkEnvironment),
        ("environment", JdSection.WorkEnvironment), ("schedule", JdSection.WorkEnvironment), ("work schedule", JdSection.WorkEnvironment),
        ("physical demands", JdSection.Physical), ("physical requirements", JdSection.Physical), ("physical demands and work environment", JdSection.Physical),
        ("physical and mental demands", JdSection.Physical), ("physical effort", JdSection.Physical),
        ("disclaimer", JdSection.Disclaimer), ("equal opportunity employer", JdSection.Disclaimer), ("eeo statement", JdSection.Disclaimer),
        ("eeo", JdSection.Disclaimer), ("acknowledgment", JdSection.Disclaimer), ("acknowledgement", JdSection.Disclaimer), ("note", JdSection.Disclaimer),
    ];

    static readonly Dictionary<string, JdSection> HeadingOf = Headings.ToDictionary(h => h.Phrase, h => h.Section);

    static readonly HashSet<string> Qualifiers =
        ["principal", "essential", "key", "main", "major", "primary", "general", "additional", "other", "specific", "core", "basic", "minimum", "job", "position", "role", "required"];

    /// <summary>
    /// The section a heading names, if it names one: exactly, or after a word or two that only qualify a heading of two
    /// words or more ("Principal duties and responsibilities", "Additional key accountabilities"). "Other duties" (one word
    /// left) and "Prior experience required" ("prior" qualifies nothing here) stay lines.
    /// </summary>
    public static JdSection? Heading(string text)
    {
        // A note in brackets after a heading ("Key accountabilities (% of time)") qualifies it.
        var bracket = text.IndexOf('(', StringComparison.Ordinal);
        if (bracket > 0 && text.TrimEnd(' ', ':').EndsWith(')')) text = text[..bracket];
        var folded = Fold(text);
        if (HeadingOf.TryGetValue(folded, out var section)) return section;
        var words = folded.Split(' ');
        for (var skip = 1; skip <= 2 && words.Length - skip >= 2 && Qualifiers.Contains(words[skip - 1]); skip++)
            if (HeadingOf.TryGetValue(string.Join(' ', words[skip..]), out section)) return section;
        return null;
    }

    public static bool IsHeadingPhrase(string folded) => HeadingOf.ContainsKey(folded);

    public enum HeaderField { Title, Flsa, ReportsTo, Supervises, Department, JobLevel, Effective, Revised, Approved }

    static readonly Dictionary<string, HeaderField> HeaderKeys = new()
    {
        ["jobtitle"] = HeaderField.Title, ["positiontitle"] = HeaderField.Title, ["classtitle"] = HeaderField.Title, ["title"] = HeaderField.Title, ["position"] = HeaderField.Title,
        ["flsastatus"] = HeaderField.Flsa, ["flsa"] = HeaderField.Flsa, ["positionstatus"] = HeaderField.Flsa, ["compensationstatus"] = HeaderField.Flsa,
        ["exemptstatus"] = HeaderField.Flsa, ["flsaclassification"] = HeaderField.Flsa, ["status"] = HeaderField.Flsa, ["classification"] = HeaderField.Flsa,
        ["reportsto"] = HeaderField.ReportsTo, ["reportto"] = HeaderField.ReportsTo, ["reportingto"] = HeaderField.ReportsTo, ["supervisor"] = HeaderField.ReportsTo,
        ["reportsdirectlyto"] = HeaderField.ReportsTo, ["supervises"] = HeaderField.Supervises, ["supervisoryresponsibilities"] = HeaderField.Supervises,
        ["directreports"] = HeaderField.Supervises, ["supervisesthefollowing"] = HeaderField.Supervises, ["positionssupervised"] = HeaderField.Supervises,
        ["supervisorsname"] = HeaderField.ReportsTo, ["supervisorsnameandtitle"] = HeaderField.ReportsTo, ["supervisorsnameandclassification"] = HeaderField.ReportsTo,
        ["department"] = HeaderField.Department, ["dept"] = HeaderField.Department, ["team"] = HeaderField.Department, ["division"] = HeaderField.Department, ["unit"] = HeaderField.Department,
        ["joblevel"] = HeaderField.JobLevel, ["level"] = HeaderField.JobLevel, ["grade"] = HeaderField.JobLevel, ["paygrade"] = HeaderField.JobLevel, ["jobgrade"] = HeaderField.JobLevel,
        ["band"] = HeaderField.JobLevel, ["payband"] = HeaderField.JobLevel, ["jobband"] = HeaderField.JobLevel, ["salarygrade"] = HeaderField.JobLevel, ["wagegrade"] = HeaderField.JobLevel,
        ["salaryband"] = HeaderField.JobLevel, ["managementlevel"] = HeaderField.JobLevel, ["careerlevel"] = HeaderField.JobLevel, ["gradelevel"] = HeaderField.JobLevel,
        ["payscaleandgrade"] = HeaderField.JobLevel, ["payscalegrade"] = HeaderField.JobLevel,
        ["supervisionreceived"] = HeaderField.ReportsTo, ["supervisionexercised"] = HeaderField.Supervises, ["staffsupervised"] = HeaderField.Supervises,
        ["jobprofilename"] = HeaderField.Title, ["jobprofile"] = HeaderField.Title, ["role"] = HeaderField.Title, ["roletitle"] = HeaderField.Title, ["jobname"] = HeaderField.Title,
        ["positionname"] = HeaderField.Title, ["workingtitle"] = HeaderField.Title, ["classificationtitle"] = HeaderField.Title, ["nameoftheposition"] = HeaderField.Title, ["nameofposition"] = HeaderField.Title, ["classificationaward"] = HeaderField.JobLevel,
        // Spanish forms (bilingual postings).
        ["departamento"] = HeaderField.Department, ["supervisorinmediato"] = HeaderField.ReportsTo, ["reportaa"] = HeaderField.ReportsTo,
        ["supervisora"] = HeaderField.ReportsTo, ["jefeinmediato"] = HeaderField.ReportsTo, ["supervisa"] = HeaderField.Supervises, ["supervisaa"] = HeaderField.Supervises,
        ["clasificacion"] = HeaderField.Flsa, ["estatusflsa"] = HeaderField.Flsa, ["estatus"] = HeaderField.Flsa, ["nivel"] = HeaderField.JobLevel,
        ["puesto"] = HeaderField.Title, ["titulodelpuesto"] = HeaderField.Title, ["nombredelpuesto"] = HeaderField.Title, ["area"] = HeaderField.Department, ["fechaefectiva"] = HeaderField.Effective, ["fechadevigencia"] = HeaderField.Effective,
        ["effectivedate"] = HeaderField.Effective, ["effective"] = HeaderField.Effective, ["dateeffective"] = HeaderField.Effective, ["effdt"] = HeaderField.Effective, ["effdate"] = HeaderField.Effective,
        ["reviseddate"] = HeaderField.Revised, ["revised"] = HeaderField.Revised, ["lastrevised"] = HeaderField.Revised, ["lastupdated"] = HeaderField.Revised,
        ["lastupdatedon"] = HeaderField.Revised, ["updated"] = HeaderField.Revised, ["daterevised"] = HeaderField.Revised, ["revisiondate"] = HeaderField.Revised, ["revdate"] = HeaderField.Revised, ["lastupddt"] = HeaderField.Revised, ["datereviewed"] = HeaderField.Revised,
        ["approved"] = HeaderField.Approved, ["approveddate"] = HeaderField.Approved, ["dateapproved"] = HeaderField.Approved, ["approvedon"] = HeaderField.Approved,
    };

    /// <summary>Title labels that name nothing but a job title ("Position:" may name a status, "Role:" a kind of work).</summary>
    public static readonly HashSet<string> PlainTitleKeys = ["jobtitle", "positiontitle", "workingtitle", "classificationtitle", "classtitle", "roletitle", "jobprofilename", "positionname", "jobname", "puesto", "titulodelpuesto", "nombredelpuesto", "nameoftheposition", "nameofposition"];

    /// <summary>An FLSA status as forms write it: "Non-exempt", "Exempt (salaried)", "Hourly", "No exento".</summary>
    public static bool IsFlsaValue(string value) => FlsaValue().IsMatch(value);

    [GeneratedRegex(@"\b(?:non-?\s?exempt|exempt|hourly|salaried|exento|overtime)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FlsaValue();

    /// <summary>Header keys seen on job-description forms that carry no field of ours; kept under header.other.</summary>
    static readonly HashSet<string> OtherKeys =
    [
        "impactoferror", "worksetting", "levelofaccesstoepm", "emr", "ics", "reviewed", "employeesignature", "date", "location", "jobcode", "hours",
        "shift", "employmenttype", "bargainingunit", "union", "classcode", "reviewedby", "preparedby", "salaryrange", "payrange", "jobfamily", "costcenter", "worklocation", "fte",
        "locations", "timetype", "postedon", "jobrequisitionid", "requisitionid", "requisitionnumber", "jobfamilydescription", "jobfamilycode", "careerpath",
    ];

    // Accents folded first: "Clasificación" is "clasificacion".
    /// <summary>
    /// A label's letters, folded; a note in brackets is not part of it ("Job title (as it appears on your pay stub)", "FLSA (exempt/non-exempt)"),
    /// an ending in brackets is ("Direct Report(s)", "Supervisor(a)").
    /// </summary>
    public static string KeyOf(string key)
    {
        var folded = new StringBuilder(key.Length);
        var (depth, opened) = (0, 0);
        foreach (var c in key.Normalize(NormalizationForm.FormD))
        {
            if (c == '(' && depth++ == 0) opened = folded.Length;
            else if (c == ')' && depth > 0 && --depth == 0 && folded.Length - opened > 2) folded.Length = opened;
            else if (char.IsAsciiLetter(c)) folded.Append(char.ToLowerInvariant(c));
        }
        // A note left open ("Job Title (as on the") is dropped too.
        if (depth > 0) folded.Length = opened;
        return folded.Length > 0 ? folded.ToString() : new([.. key.Normalize(NormalizationForm.FormD).ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
    }

    public static HeaderField? Header(string key)
    {
        if (HeaderKeys.TryGetValue(KeyOf(key), out var field)) return field;
        // A form's label that names one field two ways ("Division / Unit", "Division / Branch / Section"); not one that names two
        // fields ("Job Code / Title", "Status / Grade").
        if (!key.Contains('/', StringComparison.Ordinal)) return null;
        HeaderField? named = null;
        foreach (var part in key.Split('/').Select(KeyOf))
        {
            if (OtherKeys.Contains(part)) return null;
            if (!HeaderKeys.TryGetValue(part, out field)) continue;
            if (named is { } other && other != field) return null;
            named = field;
        }
        return named;
    }

    public static bool IsOtherHeader(string key) => OtherKeys.Contains(KeyOf(key));

    /// <summary>Words that make a short line look like a job title.</summary>
    public static readonly HashSet<string> TitleWords =
    [
        "manager", "coordinator", "concierge", "representative", "specialist", "technician", "supervisor", "director", "analyst", "assistant",
        "associate", "lead", "agent", "advocate", "clerk", "officer", "pharmacist", "nurse", "administrator", "engineer", "consultant", "navigator",
        "liaison", "intern", "scheduler", "worker", "auditor", "trainer", "coder", "receptionist", "president", "head", "counselor", "planner", "registrar", "rep",
        // Spanish titles (bilingual and Spanish postings).
        "representante", "coordinador", "coordinadora", "coordinador(a)", "ejecutivo", "ejecutiva", "agente", "asesor", "asesora", "auxiliar", "analista",
        "especialista", "técnico", "técnica", "supervisora", "gerente", "jefe", "jefa", "asistente", "recepcionista", "enfermera", "enfermero",
        // French titles (Canadian bilingual postings).
        "agent(e)", "conseiller", "conseillère", "coordonnateur", "coordonnatrice", "technicien", "technicienne", "préposé", "préposée", "gestionnaire",
    ];

    public static readonly string[] Languages =
    [
        "Spanish", "Hmong", "Vietnamese", "Mandarin", "Cantonese", "Chinese", "Tagalog", "Korean", "Russian", "Somali", "Arabic", "French",
        "Portuguese", "Haitian Creole", "American Sign Language", "Japanese", "Hindi", "Punjabi", "Farsi", "Polish", "German", "Italian", "Ukrainian", "Amharic",
    ];

    /// <summary>Verbs duties start with: where a pasted list ran together, an item starts at one of these.</summary>
    public static readonly HashSet<string> DutyVerbs =
    [
        "Answer", "Answers", "Assist", "Assists", "Escalate", "Escalates", "Create", "Creates", "Manage", "Manages", "Coordinate", "Coordinates", "Provide", "Provides",
        "Maintain", "Maintains", "Develop", "Develops", "Educate", "Educates", "Support", "Supports", "Monitor", "Monitors", "Respond", "Responds", "Document",
        "Documents", "Ensure", "Ensures", "Perform", "Performs", "Prepare", "Prepares", "Review", "Reviews", "Train", "Trains", "Process", "Processes", "Verify",
        "Verifies", "Schedule", "Schedules", "Communicate", "Communicates", "Resolve", "Resolves", "Greet", "Greets", "Track", "Tracks", "Identify", "Identifies",
        "Lead", "Leads", "Handle", "Handles", "Explain", "Explains", "Follow", "Follows", "Enter", "Enters", "Update", "Updates", "Research", "Researches",
        "Collaborate", "Collaborates", "Participate", "Participates", "Complete", "Completes", "Receive", "Receives", "Route", "Routes", "Log", "Logs",
        "Protect", "Protects", "Release", "Releases", "Retrieve", "Retrieves", "Meet", "Meets", "Take", "Takes", "Help", "Helps", "Serve", "Serves", "Conduct", "Conducts",
    ];
}

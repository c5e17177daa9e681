using System.Globalization;
using CareerMap.Framework;

namespace CareerMap.Sample;

static class RiverbendRoles
{
    static readonly PrerequisiteDto CertifiedTech = new("certification", Value: "Certified Pharmacy Technician");

    static RoleDto R(string code, string title, string unit, string family, int grade, int level, string summary,
        string[]? duties = null, PrerequisiteDto[]? prerequisites = null, string? scope = null) =>
        new(code, title, unit, family, grade.ToString(CultureInfo.InvariantCulture), level, summary, scope, duties ?? [], prerequisites ?? []);

    public static IEnumerable<RoleDto> All() => [.. Care(), .. Pharmacy(), .. MemberExperience(), .. Planning(), .. Vendors(), .. Clients(), .. Improvement(), .. Records(), .. Members(), .. Portal()];

    static IEnumerable<RoleDto> Care()
    {
        string[] repDuties = ["Answer inbound member calls about prescriptions, coverage and orders", "Document every contact accurately", "Meet quality and handle-time expectations", "Take on off-phone tasks as assigned"];
        return
        [
            R("CC-REP-1", "Care Representative I", "CARE", "CC-REP", 105, 1, "Answers members' prescription-benefit calls in a 24/7 contact center, resolving routine questions with empathy and accuracy.", repDuties),
            R("CC-REP-2", "Care Representative II", "CARE", "CC-REP", 105, 2, "Handles the full range of member calls on several queues (commercial, Medicare Part D, e-care) with little help.", [.. repDuties, "Cover a second call queue"]),
            R("CC-REP-3", "Care Representative III", "CARE", "CC-REP", 105, 3, "A seasoned representative who takes the harder calls, helps newer colleagues and leads small off-phone tasks.", [.. repDuties, "Support newer representatives on the floor"]),
            R("CC-REP-SR", "Senior Care Representative", "CARE", "CC-REP", 106, 4, "Senior Team member giving Tier II support: resolves escalated and complex member issues and coaches representatives with accurate feedback.",
                ["Take escalated and Tier II calls", "Give representatives consistent, accurate feedback", "Educate members on complex benefits", "Lead complex off-phone projects"],
                [new("months-in-roles", 6, ["CC-REP-1", "CC-REP-2", "CC-REP-3", "CC-BIL-1"])]),
            R("CC-BIL-1", "Bilingual Care Representative", "CARE", "CC-BIL", 105, 1, "Serves members in English and Spanish on the bilingual queue.", repDuties, [new("language", Value: "Spanish")]),
            R("CC-SUP", "Supervisor, Customer Care", "CARE", "CC-LEAD", 107, 1, "Frontline leader of a team of representatives: hiring, onboarding, performance, development and day-to-day operational expertise.",
                ["Lead a team of 8 to 15 representatives", "Hire, onboard and develop the team", "Manage performance and employee relations", "Own the team's quality and service results"]),
            R("CC-MGR", "Care Manager", "CARE", "CC-LEAD", 109, 2, "Owns a wide span of contact-center operations, leading supervisors and, through them, representatives, to quality, service and production standards.",
                ["Lead a group of supervisors", "Plan, assign and direct the work of the operation", "Resolve member and employee complaints", "Lead cross-functional projects"]),
            R("CC-DIR", "Director, Care Operations", "CARE", "CC-LEAD", 110, 3, "Leads Care Operations' managers and sets the direction of the contact center.", ["Set operational strategy", "Lead managers across sites"]),
            R("OPS-VP", "Vice President, Operations", "CARE", "CC-LEAD", 111, 4, "Accountable for all member operations at Riverbend Health.", ["Lead the directors of every operations unit"]),
        ];
    }

    static IEnumerable<RoleDto> Pharmacy() =>
    [
        R("PS-TECH-1", "Pharmacy Technician I", "PART", "PS-TECH", 105, 1, "A certified pharmacy technician taking clinical and order calls from members, representatives and prescribers, escalating to a pharmacist when needed.",
            ["Answer clinical and prescription-order calls", "Take calls from prescriber offices", "Reconcile payment disputes"], [CertifiedTech]),
        R("PS-TECH-2", "Pharmacy Technician II", "PART", "PS-TECH", 105, 2, "Handles the technician queue independently, including shipping problems and medical claims.",
            ["Resolve shipping and medical-claim inquiries by phone and email"], [CertifiedTech]),
        R("PS-TECH-3", "Pharmacy Technician III", "PART", "PS-TECH", 105, 3, "An experienced technician who takes the hardest cases and supports colleagues.", ["Support newer technicians"], [CertifiedTech]),
        R("PS-TECH-SR", "Senior Pharmacy Technician", "PART", "PS-TECH", 106, 4, "Subject-matter expert for the team on clinical and non-clinical escalations and process questions.",
            ["Resolve escalated clinical and non-clinical concerns", "Be the team's first resource on process"], [CertifiedTech]),
        R("PS-SUP", "Supervisor, Participant Services", "PART", "PS-LEAD", 107, 1, "Leads a team of technicians: hiring, development, performance and operational expertise."),
        R("PS-MGR", "Manager, Participant Services", "PART", "PS-LEAD", 109, 2, "Leads supervisors and teams of 15 to 25 technicians; owns workforce, process, compliance and financial results."),
        R("PS-RPH-MGR", "Manager, Pharmacy Operations (Pharmacist)", "PART", "PS-LEAD", 109, 3, "A licensed pharmacist leading pharmacy operations where clinical scope demands it.",
            prerequisites: [new("license", Value: "Pharmacist")]),
    ];

    static IEnumerable<RoleDto> MemberExperience() =>
    [
        R("MX-ADV-1", "Member Advocate I", "MEMX", "MX-ADV", 105, 1, "Triages member emails, letters and faxes and drafts responses to complaints and appeals.", ["Categorize incoming correspondence by priority", "Draft written responses"]),
        R("MX-ADV-2", "Member Advocate II", "MEMX", "MX-ADV", 105, 2, "Investigates complaints and regulatory appeals and writes findings that stand up to review.", ["Investigate appeals and regulatory complaints"]),
        R("MX-ADV-3", "Senior Member Advocate", "MEMX", "MX-ADV", 105, 3, "Takes the most sensitive complaints and reviews colleagues' responses."),
        R("MX-QA-SR", "Senior Coordinator, Quality", "MEMX", "MX-QA", 106, 1, "Runs quality monitoring for Medicare Part D, compliance or service recovery and recommends corrections."),
        R("MX-AN-SR", "Senior Analyst, Testing and Analytics", "MEMX", "MX-QA", 108, 2, "Tests IVR and routing changes and analyzes the member experience using agile and data-management practice."),
        R("MX-MGR", "Manager, Quality", "MEMX", "MX-LEAD", 109, 1, "Leads the quality, testing and experience-analytics teams."),
    ];

    static IEnumerable<RoleDto> Planning() =>
    [
        R("RP-CDR", "Resource Planning Coordinator", "RPLAN", "RP-COORD", 105, 1, "Watches intraday performance and steers staffing with operations and vendors in real time."),
        R("RP-CDR-SR", "Senior Resource Planning Coordinator", "RPLAN", "RP-COORD", 106, 2, "Manages multi-skill, multi-site queues in real time and works across planning, operations and vendor management."),
        R("RP-AN", "Analyst, Resource Planning", "RPLAN", "RP-ANALYST", 107, 1, "Builds schedules that meet interval service levels and plans off-phone time without hurting service."),
        R("RP-AN-SR", "Senior Analyst, Resource Planning", "RPLAN", "RP-ANALYST", 108, 2, "Owns long-range forecasting, staffing requirements and client modeling."),
        R("RP-AN-BA", "Analyst, Business Analytics", "RPLAN", "RP-ANALYTICS", 107, 1, "Forecasts short-range demand across sites and keeps the workforce-management platform true to the business."),
        R("RP-AN-RS", "Senior Analyst, Reporting Strategy", "RPLAN", "RP-ANALYTICS", 108, 2, "Builds the datasets and analysis behind contact-center reporting; strong SQL is essential."),
        R("RP-SUP", "Supervisor, Resource Planning", "RPLAN", "RP-LEAD", 107, 1, "Leads a team of coordinators."),
        R("RP-AMGR", "Associate Manager, Resource Planning", "RPLAN", "RP-LEAD", 108, 2, "Leads a team that includes exempt analysts and works with senior leaders on outcomes."),
        R("RP-MGR", "Manager, Resource Planning", "RPLAN", "RP-LEAD", 109, 3, "Leads resource planning: forecasting, scheduling, real-time management and reporting."),
    ];

    static IEnumerable<RoleDto> Vendors() =>
    [
        R("VM-AN", "Analyst, Vendor Transition", "VEND", "VM-ANALYST", 107, 1, "Product expert for vendor audits: root-cause analysis, quality reporting and vendor transitions.",
            prerequisites: [new("contact-center-experience", 36)]),
        R("VM-AN-SR", "Senior Analyst, Vendor Management", "VEND", "VM-ANALYST", 108, 2, "Deep contact-center expert who audits vendors with data, queries and visualizations.",
            prerequisites: [new("contact-center-experience", 60)]),
        R("VM-MGR", "Manager, Vendor Management", "VEND", "VM-LEAD", 109, 1, "Leads vendor relationships, contracts, risk and performance."),
    ];

    static IEnumerable<RoleDto> Clients() =>
    [
        R("CO-CDR", "Client Liaison Coordinator", "CLIOPS", "CO-LIAISON", 105, 1, "Resolves client issues, keeps clients and partners informed, and prepares client training and briefings."),
        R("CO-AN", "Analyst, Client Liaison", "CLIOPS", "CO-LIAISON", 107, 2, "Resolves client issues across business lines and coordinates implementation work."),
        R("CO-AN-SR", "Senior Analyst, Client Operations", "CLIOPS", "CO-LIAISON", 108, 3, "The contact center's expert voice with grievance, billing, enrollment and clients themselves."),
        R("CO-MGR", "Manager, Client Operations", "CLIOPS", "CO-LEAD", 109, 1, "Advises key clients on operations strategy and leads the client-liaison team."),
    ];

    static IEnumerable<RoleDto> Improvement() =>
    [
        R("CI-AN-PM", "Analyst, Project Management", "CONTI", "CI-PM", 107, 1, "Supports complex process and technology projects, representing Customer Care's needs; agile, Lean and user-story skills help."),
        R("CI-AN-SR-PM", "Senior Analyst, Project", "CONTI", "CI-PM", 108, 2, "Consults on complex projects: planning, stakeholder impact, change management."),
        R("CI-AN-RS", "Analyst, Reporting Strategy", "CONTI", "CI-REPORTING", 107, 1, "Reports project progress and results; advanced Excel and data analysis."),
        R("CI-AN-SR-RS", "Senior Analyst, Reporting Strategy", "CONTI", "CI-REPORTING", 108, 2, "Forecasts and tracks project financials and results under tight timelines."),
        R("CI-AN-SR-BA", "Senior Analyst, Business Analytics", "CONTI", "CI-REPORTING", 108, 3, "Builds business cases and tracks the value projects deliver."),
        R("CI-MGR-PM", "Manager, Project Management", "CONTI", "CI-LEAD", 109, 1, "Owns a portfolio of initiatives from pilot to launch."),
        R("CI-MGR-PROC", "Manager, Process", "CONTI", "CI-LEAD", 109, 2, "Leads technology upgrades and process enhancements with IT and operations."),
        R("CI-MGR-OPS", "Manager, Operations", "CONTI", "CI-LEAD", 109, 3, "Implementation lead for new programs across business partners."),
    ];

    static IEnumerable<RoleDto> Records()
    {
        var roles = new List<RoleDto>();
        var tracks = new[]
        {
            ("MR-OUT", "Medical Outreach Specialist", new[]
            {
                "Transplant, dental and behavioral-health accounts",
                "Level 1 accounts plus cardiology, orthopedics, GI, oncology, urology, bone-marrow transplant, neurology and epilepsy",
                "Level 2 accounts plus centers of excellence, strategic accounts, clinical trials, second opinions and specialty oncology",
                "All accounts",
            }),
            ("MR-FUL", "Medical Fulfillment Specialist", new[]
            {
                "Transplant, centers of excellence, dental, GI, orthopedics, oncology and behavioral-health accounts",
                "Level 1 accounts plus cardiology, epilepsy, second opinions, neurology, clinical trials, bone-marrow transplant and new launches",
                "Split cases for the specialty-oncology pod",
                "All accounts",
            }),
            ("MR-IMG", "Medical Imaging Specialist", new[] { "Assigned imaging sites", "Assigned imaging sites", "Level 3 onshore and offshore pushing sites", "Level 4 onshore and offshore pushing sites" }),
        };
        foreach (var (family, title, scopes) in tracks)
        {
            for (var level = 1; level <= 4; level++)
                roles.Add(R($"{family}-{level}", $"{title} {level}", "MRO", family, 102 + level, level,
                    $"Level {level} of the {title.ToLowerInvariant()} track; the duty matrix shows what this level handles.", scope: scopes[level - 1]));
            roles.Add(R($"{family}-AM", $"Assistant Manager, {title.Replace("Medical ", "", StringComparison.Ordinal)}s", "MRO", family, 107, 5,
                "Backs up the manager, mentors and coaches the specialists, and handles every account type.", scope: "All accounts"));
        }
        roles.Add(R("MR-MGR", "Manager, Medical Records Operations", "MRO", "MR-LEAD", 109, 1, "Leads the outreach, fulfillment and imaging teams."));
        return roles;
    }

    static IEnumerable<RoleDto> Members() =>
    [
        R("MS-REP", "Member Services Representative", "MSVC", "MS-REP", 104, 1, "Answers health-plan members' enrollment, benefit and billing questions by phone and chat."),
        R("MS-REP-BIL", "Member Services Representative, English/Hmong", "MSVC", "MS-BIL", 104, 1, "Serves members in English and Hmong.", prerequisites: [new("language", Value: "Hmong")]),
        R("MS-REP-SR", "Senior Member Services Representative", "MSVC", "MS-REP", 105, 2, "Handles escalated member calls and mentors representatives."),
        R("MS-SUP", "Supervisor, Member Services", "MSVC", "MS-LEAD", 107, 1, "Leads a team of member services representatives."),
        R("ER-AN", "Escalations Research Analyst", "ESCR", "ER-ANALYST", 106, 1, "Researches complex member cases and regulatory complaints end to end and writes the findings."),
    ];

    static IEnumerable<RoleDto> Portal() =>
    [
        R("PP-CON", "Patient Portal Concierge", "PORTAL", "PP-SUPPORT", 104, 1, "Helps patients sign up, sign in and find their way around the portal."),
        R("PP-COORD", "Patient Portal Coordinator", "PORTAL", "PP-SUPPORT", 105, 2, "Administers portal accounts and access for clinics and coordinates portal changes."),
        R("PP-PM", "Patient Portal Project Manager", "PORTAL", "PP-LEAD", 108, 1, "Runs portal rollouts and upgrades with clinics and IT."),
        R("PP-MGR", "Patient Portal Manager", "PORTAL", "PP-LEAD", 109, 2, "Leads the portal team and its roadmap."),
    ];
}

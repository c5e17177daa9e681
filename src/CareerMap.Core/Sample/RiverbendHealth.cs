using CareerMap.Framework;

namespace CareerMap.Sample;

/// <summary>
/// Riverbend Health, the fictional sample organization: shaped like the contact-center and medical-records
/// guides this product is modeled on, written in the project's own words.
/// </summary>
public static class RiverbendHealth
{
    const string Ic = "individual-contributor";
    const string Lead = "leadership";

    public static FrameworkDocument Build()
    {
        var d = new FrameworkDocument { Organization = new("RIVERBEND", "Riverbend Health", 5) };
        d.Grades = [.. Enumerable.Range(103, 9).Select(g => new GradeDto(g.ToString(System.Globalization.CultureInfo.InvariantCulture), GradeName(g), g))];
        d.Units =
        [
            new("CARE", "Customer Care", "The 24/7 contact center that answers members' prescription-benefit calls, with a Senior Team for complex and escalated cases."),
            new("PART", "Participant Services", "Certified pharmacy technicians and pharmacists who bridge Customer Care and Pharmacy Operations: clinical questions, prescription orders, payments."),
            new("MEMX", "Member Experience", "Measures and improves the member and agent experience: quality, testing, service recovery, written complaints and appeals, analytics."),
            new("RPLAN", "Resource Planning", "Forecasts contact volumes, builds schedules and manages real-time staffing so the contact center meets its targets."),
            new("VEND", "Vendor Management", "Oversees the outsourced contact-center vendors: contracts, performance, onboarding, compliance and phone lines."),
            new("CLIOPS", "Client Operations", "The liaison between Customer Care, account teams and clients: implementations, audits, calibrations, grievances and client training."),
            new("CONTI", "Continuous Improvement", "Delivers process and technology improvements through project management, reporting and governance."),
            new("MRO", "Medical Records Operations", "Retrieves, indexes and delivers patients' medical records and images to care teams, within strict privacy rules."),
            new("MSVC", "Member Services", "Health-plan member services: enrollment, benefits and billing questions by phone and chat."),
            new("ESCR", "Escalations & Research", "Researches and resolves the most complex member cases and regulatory complaints."),
            new("PORTAL", "Patient Portal", "Supports patients and clinics on the patient portal: accounts, messages, records access and portal projects."),
        ];
        d.Families =
        [
            new("CC-REP", "Care Representative", "CARE", Ic, "From first calls to Tier II support of the Senior Team."),
            new("CC-BIL", "Bilingual Care Representative", "CARE", Ic, "Care representatives who serve members in Spanish."),
            new("CC-LEAD", "Care Operations Leadership", "CARE", Lead, "Frontline supervisors to the director of operations."),
            new("PS-TECH", "Pharmacy Technician", "PART", Ic, "Certified pharmacy technicians on clinical and order calls."),
            new("PS-LEAD", "Participant Services Leadership", "PART", Lead),
            new("MX-ADV", "Member Advocate", "MEMX", Ic, "Written complaints, appeals and regulatory correspondence."),
            new("MX-QA", "Quality and Analytics", "MEMX", Ic),
            new("MX-LEAD", "Member Experience Leadership", "MEMX", Lead),
            new("RP-COORD", "Resource Planning Coordinator", "RPLAN", Ic, "Real-time and intraday management."),
            new("RP-ANALYST", "Resource Planning Analyst", "RPLAN", Ic, "Scheduling and long-range forecasting."),
            new("RP-ANALYTICS", "Workforce Analytics", "RPLAN", Ic, "Short-range forecasting and reporting strategy."),
            new("RP-LEAD", "Resource Planning Leadership", "RPLAN", Lead),
            new("VM-ANALYST", "Vendor Management Analyst", "VEND", Ic),
            new("VM-LEAD", "Vendor Management Leadership", "VEND", Lead),
            new("CO-LIAISON", "Client Liaison", "CLIOPS", Ic),
            new("CO-LEAD", "Client Operations Leadership", "CLIOPS", Lead),
            new("CI-PM", "Project Management", "CONTI", Ic),
            new("CI-REPORTING", "Reporting and Analytics", "CONTI", Ic),
            new("CI-LEAD", "Continuous Improvement Leadership", "CONTI", Lead),
            new("MR-OUT", "Medical Outreach Specialist", "MRO", Ic, "Requests records from providers by phone, fax and portal."),
            new("MR-FUL", "Medical Fulfillment Specialist", "MRO", Ic, "Indexes, checks and delivers the records that arrive."),
            new("MR-IMG", "Medical Imaging Specialist", "MRO", Ic, "Retrieves, loads and pushes diagnostic images."),
            new("MR-LEAD", "Medical Records Leadership", "MRO", Lead),
            new("MS-REP", "Member Services Representative", "MSVC", Ic),
            new("MS-BIL", "Bilingual Member Services", "MSVC", Ic, "Representatives who serve members in English and Hmong."),
            new("MS-LEAD", "Member Services Leadership", "MSVC", Lead),
            new("ER-ANALYST", "Escalations Research", "ESCR", Ic),
            new("PP-SUPPORT", "Patient Portal Support", "PORTAL", Ic),
            new("PP-LEAD", "Patient Portal Leadership", "PORTAL", Lead),
        ];
        d.Competencies = [.. RiverbendCompetencies.All()];
        d.Roles = [.. RiverbendRoles.All()];
        d.Requirements = [.. RiverbendRequirements.For(d.Roles)];
        d.Duties = [.. RiverbendDuties.All()];
        d.Strategies = [.. Strategies()];
        d.Moves = [.. Moves()];
        SampleTranslations.Attach(d, "RiverbendHealth", "es");
        return d;
    }

    static string GradeName(int grade) => grade switch
    {
        103 or 104 => $"Grade {grade} (entry)",
        105 => "Grade 105 (frontline)",
        106 => "Grade 106 (senior frontline)",
        107 => "Grade 107 (analyst / first-line leader)",
        108 => "Grade 108 (senior analyst / associate manager)",
        109 => "Grade 109 (manager)",
        110 => "Grade 110 (director)",
        _ => $"Grade {grade} (executive)",
    };

    static IEnumerable<StrategyDto> Strategies() =>
    [
        new("CROSS-TRAIN", "Cross-train", "Learn another position on your own team or a neighboring one.", ["JOBKNOW", "RESILIENCE", "TEAM"]),
        new("CERT-TRAINING", "Certification training", "Complete an operations or industry certification program.", ["JOBKNOW", "PHARM", "QUALITY"]),
        new("WORKFLOW", "Workflow training", "Take formal or on-the-job training on a workflow you do not yet own.", ["JOBKNOW", "PROBLEM", "ROI"]),
        new("SPECIAL-PROJECT", "Special project or assignment", "Join a team that solves a real problem together, outside your daily work.", ["PROBLEM", "RESULTS", "PROJECT", "TEAM"]),
        new("COMMITTEE", "Serve on a committee", "Serve on an interdepartmental committee such as the employee council or a project team.", ["COMMS", "TEAM", "CONDUCT"]),
        new("LEAVE-COVER", "Cover for leave", "Step into a colleague's or leader's responsibilities while they are on leave.", ["RESILIENCE", "RESULTS", "LEAD"]),
        new("SHADOW", "Shadow someone", "Spend time alongside a colleague, a leader or someone in another team to see their work first-hand.", ["JOBKNOW", "CUSTOMER", "LEAD"]),
        new("MENTOR", "Mentoring", "Find a mentor, mentor a colleague, or better, both.", ["COACH", "COMMS", "TEAM"]),
        new("ELECTIVE", "Elective reading and training", "Study a skill on your own and summarize what you learned for your manager or team.", ["JOBKNOW", "DATA", "RESILIENCE"]),
        new("NETWORK", "Networking", "Meet colleagues inside and outside the organization to share practice and ideas.", ["COMMS", "CLIENT", "VENDOR"]),
        new("PRO-ORG", "Professional organizations", "Join a professional body and take part in its programs.", ["JOBKNOW", "QUALITY", "WFM"]),
        new("PRESENT", "Present, train or lead", "Lead a huddle, train a new hire, or present at an orientation or operating review.", ["COMMS", "COACH", "LEAD"]),
        new("FEEDBACK", "Seek feedback", "Ask coworkers and leaders for feedback, formal or informal, and act on it.", ["CONDUCT", "RESILIENCE", "CUSTOMER"]),
        new("ONLINE", "Online learning", "Use the learning library and free online courses.", ["DATA", "PROJECT", "JOBKNOW"]),
    ];

    static IEnumerable<MoveDto> Moves()
    {
        PrerequisiteDto Months(int months, params string[] roles) => new("months-in-roles", months, roles);
        string[] careTenure = ["CC-REP-1", "CC-REP-2", "CC-REP-3", "CC-REP-SR", "CC-BIL-1", "CO-CDR", "MX-QA-SR"];
        string[] intoProjects = ["CC-REP-2", "CC-REP-3", "CC-REP-SR", "CO-CDR", "MX-QA-SR"];
        string[] intoSeniorProjects = ["CC-REP-SR", "RP-CDR-SR", "RP-AN", "CC-SUP"];
        return
        [
            .. intoProjects.Select(from =>
                new MoveDto($"{from}-TO-CI-AN-PM", from, "CI-AN-PM", "Two to three years in Care gives the operational depth project work needs.", [Months(24, careTenure)])),
            .. intoSeniorProjects.Select(from =>
                new MoveDto($"{from}-TO-CI-AN-SR-PM", from, "CI-AN-SR-PM", "Senior frontline, analyst and supervisor experience is a strong match for senior project work.", [new("months-in-role", 12)])),
            new("CC-REP-1-TO-CC-REP-SR", "CC-REP-1", "CC-REP-SR", "Any Care Representative with six months on the phones may join the Senior Team."),
            new("CC-REP-2-TO-CC-REP-SR", "CC-REP-2", "CC-REP-SR", "Any Care Representative with six months on the phones may join the Senior Team."),
            new("CC-BIL-1-TO-CC-REP-SR", "CC-BIL-1", "CC-REP-SR", "Bilingual representatives join the Senior Team on the same terms."),
            new("CC-REP-3-TO-PS-TECH-1", "CC-REP-3", "PS-TECH-1", "Care representatives who earn their pharmacy-technician certification can move to Participant Services.", [new("certification", Value: "Certified Pharmacy Technician")]),
            new("CC-REP-3-TO-CO-CDR", "CC-REP-3", "CO-CDR", "Strong communicators with client-facing interest.", [new("months-in-role", 12)]),
            new("CC-REP-3-TO-RP-CDR", "CC-REP-3", "RP-CDR", "Representatives who like the numbers behind the queue.", [new("months-in-role", 12)]),
            new("CC-REP-3-TO-MX-ADV-1", "CC-REP-3", "MX-ADV-1", "Strong writers can move to written complaints and appeals."),
            new("CC-REP-SR-TO-VM-AN", "CC-REP-SR", "VM-AN", "Vendor oversight needs deep contact-center experience.", [new("contact-center-experience", 36)]),
            new("CC-REP-SR-TO-MX-QA-SR", "CC-REP-SR", "MX-QA-SR", "Senior representatives know the quality standards from the inside."),
            new("CC-REP-SR-TO-PS-TECH-SR", "CC-REP-SR", "PS-TECH-SR", "Advanced Care knowledge plus a technician certification.", [new("certification", Value: "Certified Pharmacy Technician")]),
            new("RP-CDR-SR-TO-RP-AN", "RP-CDR-SR", "RP-AN", "From real-time management to scheduling."),
            new("CO-AN-TO-CI-AN-PM", "CO-AN", "CI-AN-PM", "Implementation work carries over to project management."),
            new("CI-AN-RS-TO-RP-AN-RS", "CI-AN-RS", "RP-AN-RS", "Reporting analysts with strong SQL.", [new("months-in-role", 12)]),
            new("MS-REP-SR-TO-ER-AN", "MS-REP-SR", "ER-AN", "Senior member-services representatives research escalations.", [new("months-in-role", 12)]),
            new("MS-REP-SR-TO-CC-REP-SR", "MS-REP-SR", "CC-REP-SR", "Member-services experience counts toward Care's Senior Team."),
            new("PP-COORD-TO-PP-PM", "PP-COORD", "PP-PM", "Coordinators who have run portal rollouts.", [new("months-in-role", 18)]),
            new("MR-OUT-4-TO-MR-FUL-3", "MR-OUT-4", "MR-FUL-3", "Outreach specialists can broaden into fulfillment."),
            new("MR-FUL-4-TO-MR-IMG-3", "MR-FUL-4", "MR-IMG-3", "Fulfillment specialists can broaden into imaging."),
            new("MR-OUT-AM-TO-PP-COORD", "MR-OUT-AM", "PP-COORD", "Records leaders who know provider portals.", [new("months-in-role", 12)]),
        ];
    }
}

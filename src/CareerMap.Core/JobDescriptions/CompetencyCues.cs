using System.Text.RegularExpressions;

namespace CareerMap.JobDescriptions;

/// <summary>
/// What the matcher reads for a framework's competencies beyond their own text (see LABELING.md for the rules they follow):
/// <list type="bullet">
/// <item><see cref="Synonyms"/>: the words job descriptions use for a competency that its definition and indicators do not;</item>
/// <item><see cref="Phrasings"/>: ways of saying a competency that no single word carries ("agree the fix with IT" is
/// working with colleagues, "train new clerks" is coaching); a line that says one speaks for the competency;</item>
/// <item><see cref="Requirements"/>: what a line must also say to speak for a competency at all (Customer Focus only where
/// the work serves people directly, not where "member satisfaction" is a column on a report).</item>
/// </list>
/// HR-made frameworks without entries match on their own text.
/// </summary>
public sealed partial record CompetencyCues(
    IReadOnlyDictionary<string, string[]> Synonyms,
    IReadOnlyDictionary<string, Regex> Phrasings,
    IReadOnlyDictionary<string, Regex> Requirements)
{
    // Declared before Riverbend, which reads it: static fields are initialized in the order they are written.
    static readonly Dictionary<string, string[]> RiverbendSynonyms = new()
    {
        ["RESILIENCE"] = ["flexibility", "flexible", "adapt to change", "deal with change", "calm under pressure", "stress", "changing priorities", "fast-paced"],
        ["RESULTS"] = ["complete", "completion", "daily target", "goal", "deadline", "turnaround", "timeframes", "on schedule", "production standards", "per hour", "quota", "deadlines", "meet deadlines", "timely", "timeline", "results", "productivity", "metrics", "targets", "goals", "prioritize work", "greatest results", "expectations", "production", "handle-time", "attendance", "on time", "daily production"],
        ["JOBKNOW"] = ["knowledge of", "familiarity with", "understanding of", "terminology", "medical terminology", "keyboarding", "typing", "computer skills", "Microsoft Office", "technical knowledge", "computer literate", "words per minute"],
        ["PROBLEM"] = ["went wrong", "why", "issues", "find out why", "research", "researches", "investigate", "investigates", "look into", "dig into", "figure out", "reconcile", "troubleshoot", "troubleshooting", "problem solving", "analytical", "analyze", "solutions", "solve", "judgment", "decisions", "reason logically", "root cause", "root causes", "fix", "untangle", "patterns", "recommend changes", "process fixes", "resolve"],
        ["CUSTOMER"] = ["help members", "help patients", "callers", "serve", "serves", "customer service", "customer satisfaction", "patients", "patient", "members", "courteous", "greets", "helpful", "inquiries", "customer needs", "service orientation"],
        ["COMMS"] = ["write", "writes", "letters", "present", "presents", "presenter", "speaks", "clearly", "in writing", "communicate", "communication", "verbal", "written", "writing", "presentation", "listening", "explain", "explains", "communicates effectively", "English", "negotiation", "phone", "telephone", "telephone manner", "email", "plain language", "plain words", "clear answers", "inform", "update", "status updates", "meetings", "huddles", "message", "interpret", "recommend"],
        ["CONDUCT"] = ["HIPAA", "PHI", "protected health information", "privacy", "sensitive", "discretion", "private", "professionalism", "professional manner", "respect", "confidentiality", "confidential", "ethics", "code of conduct", "integrity", "dress code", "professional behavior", "trustworthiness", "courteous and professional", "gossip", "accountability"],
        ["TEAM"] = ["partner with", "partners with", "alongside", "colleagues", "coworkers", "peers", "help out", "fill in", "cover for", "other departments", "cross-functional", "teamwork", "cooperation", "cooperatively", "collaborate", "team", "relationships with staff", "trust and cooperation", "diverse people", "multicultural", "work closely", "teammates", "clinic staff", "calibrate", "helps teammates", "shares"],
        ["CLAIMS"] = ["claims", "billing", "invoices", "payment", "financial assistance", "copay", "premium", "explanation of benefits"],
        ["ELIG"] = ["eligibility", "benefit coverage", "plan benefits", "Medicare", "Medicaid", "insurance verification", "coverage"],
        ["PHARM"] = ["pharmacy", "prescription", "prescriptions", "pharmacist", "medication", "refills", "drug", "formulary"],
        ["ROI"] = ["release of information", "medical records", "records requests", "chart", "valid authorization", "subpoena", "subpoenas", "disclosure", "disclosures", "copies of records"],
        ["WFM"] = ["forecast", "forecasting", "staffing", "workforce management", "real-time adherence", "intraday", "service level", "shift bids"],
        ["DATA"] = ["scorecards", "report on", "reports on", "trends", "numbers", "data", "reports", "reporting", "analysis", "analytics", "SQL", "dashboard", "utilization rates", "trending", "Excel", "metrics", "weekly reports"],
        ["QUALITY"] = ["sample", "scorecard", "scoring", "standards", "regulatory deadlines", "state regulations", "quality targets", "quality goals", "compliance", "regulatory", "audits", "audit", "quality assurance", "accuracy", "completeness", "quality standards", "quality score", "errors", "policies and procedures", "regulations", "accreditation"],
        ["PROJECT"] = ["project", "project plans", "project management", "requirements", "implementation", "process improvement", "workflows", "business processes", "Lean", "use cases", "gap analysis"],
        ["VENDOR"] = ["vendor", "vendors", "contracts", "contractor", "outsourced", "service agreements", "MOU", "partnering institutions"],
        ["CLIENT"] = ["stakeholders", "liaison", "client", "clients", "market relationships", "partners", "relationship management", "account management"],
        ["LEAD"] = ["supervise", "supervises", "hiring", "recruitment", "recruit", "evaluate performance", "lead teams", "leadership", "manage staff", "direct reports", "interns"],
        ["DEESC"] = ["de-escalate", "upset", "complaints", "difficult callers", "conflict", "calm", "escalated"],
        ["BILING"] = ["bilingual", "Spanish", "fluent", "interpretation", "second language", "Hmong", "Vietnamese"],
        ["PORTAL"] = ["patient portal", "portal", "health IT", "EHR", "EMR", "HL7", "NextGen", "online", "registration", "login", "secure messaging", "mobile", "interface", "MyChart", "password", "proxy access"],
        ["COACH"] = ["train", "training", "educate", "education", "teaching", "mentor", "coach", "curriculum", "orientation", "instruct", "training materials", "teach", "refresher training", "feedback", "onboard", "develop representatives"],
    };

    // Competencies LABELING.md defines by what a line must say: such a line speaks for one (a phrasing) and no other line
    // does (a requirement). Their common words alone ("schedule", "records", "health information") matched lines that ask
    // for nothing of the kind.
    // Results: a target, deadline, productivity or turnaround the person is held to.
    [GeneratedRegex(@"\b(targets?|goals?|deadlines?|turnaround|timeframes?|time limits?|timelines?|on time|on schedule|on track|timely|promptly|quotas?|productivity|production|KPIs?|service levels?|handle[- ]time|adherence|first[- ]call resolution|backlogs?|end of (the )?day|same day|per (hour|day|shift)|an hour|a day|hourly|fill rate)\b|\bwithin\s+(\d+|one|two|three|four|five|ten|thirty|the|its|their|required|regulatory|agreed|contract\w*)\b|\b(meet|meets|meeting|hit|hits|reach|reaches|exceed|exceeds|achieve|achieves|hold|holds)\b\s*([\w'’-]+\s+){0,3}?(standards?|expectations|rates?|goals?|targets?)\b|\d+(\.\d+)?\s?%", Options)]
    private static partial Regex Results();
    // Release of Information: releasing or disclosing records (not a software release), the requests for them and their
    // authorizations, subpoenas.
    [GeneratedRegex(@"\brelease[- ]of[- ]information\b|\breleas\w*\s+([\w-]+\s+){0,3}?(records?|information|charts?|PHI|copies)\b|\b(records?|charts?|information|PHI)\s+([\w,-]+\s+){0,8}?releas\w*|\b(disclos\w*|subpoena\w*|court orders?|ROI|copies|copy|copying|copied|records? requests?|requests? for (copies|medical records|records|charts)|requested records|retriev\w*|valid authorization|health information management)\b", Options)]
    private static partial Regex ReleaseOfInformation();
    // Professional Conduct: confidentiality, privacy, ethics, professionalism, integrity.
    [GeneratedRegex(@"\b(confidential\w*|privacy|private|HIPAA|PHI|protected health information|professional(ism|ly)?|ethic\w*|integrity|respect\w*|discretion|discreet|code of conduct|dress code|trustworth\w*|honest\w*|accountab\w*|sensitive|never (share|shares|discuss|discusses|disclose|discloses))\b", Options)]
    private static partial Regex Conduct();

    // Customer Focus: serving people directly: a serving verb a few words before patients, members, callers or customers
    // ("call" only right before them: "call volume and member satisfaction" serves no one); their questions or needs;
    // customer service; courtesy. "Customer Care" as a department name or "member calls" as a queue is not it.
    [GeneratedRegex(@"\b(help|helps|helping|serve|serves|serving|assist|assists|answer|answers|greet|greets|talk|talks|speak|speaks|support|supports|guide|guides|welcome|welcomes|explain|explains|tell|tells|register|registers|schedule|schedules|enroll|enrolls|walk|walks|reach|reaches|remind|reminds|calm|calms|counsel|counsels|handle|handles|contact|contacts|educate|educates|visit|visits)\b\s*([\w'’-]+\s+){0,5}?(patients?|members?|callers?|customers?|families|applicants?|beneficiaries|requesters?|consumers?)\b|\bcalls?\s+(from\s+|with\s+|to\s+)?(the\s+|new\s+|each\s+|back\s+|upset\s+|angry\s+)?(patients?|members?|callers?|customers?|families|applicants?)\b|\b(patients?|members?|callers?|customers?)['’]?s?\s+(questions?|needs|complaints?|concerns?|requests?)\b|\bcustomer (service|support|satisfaction)\b|\b(courteous|friendly|empathy|empathetic|patient and)\b", Options)]
    private static partial Regex Customer();

    // Team Engagement: working with, helping or supporting colleagues: "with the scheduling team", "alongside the team",
    // "between technicians and pharmacists". A team named as a unit ("leads the ROI team", "join the team") is not it.
    [GeneratedRegex(@"\b(with|alongside|between)\s+(the\s+|our\s+|other\s+|their\s+|each\s+|fellow\s+)?([\w-]+\s+){0,2}?(team|teams|staff|colleagues|coworkers|co-workers|peers|teammates|pharmacists?|nurses?|physicians?|clinicians?|supervisors?|managers?|leaders?|leadership|IT|operations|departments?|analysts?|coordinators?|specialists?|representatives?|trainers?|technicians?|social workers?|counsel|experts?)\b|\b(teamwork|team player|collaborat\w*|cooperat\w*|colleagues|coworkers|co-workers|peers|teammates|help out|helps out|pitch in|pitches in|fill in|fills in|cover for|covers for|partner with|partners with|partnering with|cross-functional|other departments|calibration sessions?|calibrate (scores|scoring|with)|each other|one another|share what works)\b|\b(support|supports|help|helps|assist|assists)\s+(the|their)\s+([\w-]+\s+)?(team|staff|nurses?|pharmacists?|technicians?|representatives?|specialists?|clerks?)\b|\b(support|supports|help|helps|assist|assists)\s+(other|fellow)\s+\w+|\b(cover|covers|help|helps|pitch in|pitches in|fill in|fills in)\b[^.;]{0,60}\bwhen\b[^.;]{0,40}\b(short|busy|behind|out|absent)\b", Options)]
    private static partial Regex Team();

    // Quality and Compliance: checking work against a standard (audits, monitoring, scoring, accuracy, errors) and the
    // rules it answers to (compliance, regulations, accreditation). A quality goal the person is held to is Results.
    [GeneratedRegex(@"\b(audit\w*|complian\w*|regulat\w*|accredit\w*|assurance|calibrat\w*|accuracy|corrective actions?|errors?|error rates?|QA|QC|quality (standards?|scores|forms?|program|database|audits?|reviews?|checks?|control|monitoring|of care)|sample of|score\s+([\w-]+\s+){0,3}?(calls|contacts|interactions|chats|evaluations))\b|\bmonitor\w*\s+([\w-]+\s+){0,3}?(calls|contacts|interactions|quality|accuracy|compliance|vendors?|performance|work)\b", Options)]
    private static partial Regex Quality();

    // De-escalation: upset people and complaints; "escalates clinical questions to a pharmacist" is not it.
    [GeneratedRegex(@"\b(de-?escalat\w*|upset|angry|frustrated|irate|dissatisfied|unhappy|difficult (callers?|members?|patients?|customers?|conversations?|situations?|calls?)|complaints?|grievances?|conflicts?|calm\w*|tense|hostile|escalated (calls?|members?|complaints?|cases?|issues?)|escalations|supervisor calls?|ask for a supervisor)\b", Options)]
    private static partial Regex Deescalation();
    // Health IT and Portal Administration: the portal, its accounts and the systems behind it, not every "online" or "EHR".
    [GeneratedRegex(@"\b(portals?|MyChart|patient app|mobile app|health IT|HL7|interfaces?|proxy|activation|log ?ins?|logins?|passwords?|sign[- ]?(in|ins|up|ups)|user accounts?|accounts? (locked|access|setup)|EHR (build|configuration|access|applications?|support|analysts?)|help desk|self-scheduling|go-live|upgrades?)\b", Options)]
    private static partial Regex Portal();

    // Problem Solving: troubleshooting, researching, analyzing or resolving issues; a "coverage decision" or "figures" is not.
    [GeneratedRegex(@"\b(troubleshoot\w*|research\w*|investigat\w*|analy[sz]\w*|analytical|resolv\w*|resolution|root causes?|problem[- ]solving|solve\w*|solutions?|figure out|work out|works out|find out|look into|looks into|dig into|digs into|reconcil\w*|untangle\w*|why|went wrong|fix|fixes|fixed|discrepanc\w*|judg(e)?ment|decide|decides|errors?|problems?|issues?|recommend\w*|patterns|logically)\b", Options)]
    private static partial Regex Problem();

    // Job Knowledge: where knowledge is asked for (of procedures, systems, terminology, plan rules) or the tools of the desk.
    [GeneratedRegex(@"\b(knowledge|knowledgeable|familiar\w*|understanding of|grasp of|terminology|typing|types|keyboard\w*|words per minute|computers?|computer systems|Microsoft|software|proficien\w*|expert in)\b", Options)]
    private static partial Regex JobKnowledge();
    // People Leadership: hiring, supervising, evaluating and developing people; a "Team Lead" title or "senior leaders" as an
    // audience is not it.
    [GeneratedRegex(@"\b(supervis\w*|hire|hires|hiring|recruit\w*|direct reports|disciplin\w*|employee relations|people (leader|management)|motivat\w*|attendance|time off|time-off|performance (reviews?|evaluations?|appraisals?|management|issues|improvement))\b|\b(evaluate|evaluates|develop|develops|manage|manages|lead|leads)\s+(a\s+|the\s+|their\s+)?(team|staff|people|employees|representatives|supervisors|analysts|specialists|trainers|clerks)\b|\b(lead|leads|manage|manages)\s+a\s+team\s+of\b|\bmanage\w*\s+([\w-]+\s+){0,2}?performance\b", Options)]
    private static partial Regex Leadership();

    // Communication: explaining, writing, speaking or presenting to someone ("write the policies", "present results in
    // quarterly reviews", "tell patients what to bring, in terms they can follow"); answering the phone alone is not it.
    [GeneratedRegex(@"\b(present|presents|presenting|presentations?|explain|explains|explaining|plain (language|words|terms|english)|simple (steps|terms|words)|terms they can follow|status updates|in writing|written and verbal|verbal and written|spoken and written|communicat\w*)\b|\b(write|writes|writing|draft|drafts)\s+([\w-]+\s+){0,4}?(policies|procedures|letters?|articles?|summar(y|ies)|reports?|notices?|documentation|guides?|job aids|emails?|scripts?|responses?|announcements?|materials|lesson plans)\b|\b(tell|tells|inform|informs|update|updates|brief|briefs)\s+(the\s+|each\s+)?([\w-]+\s+)?(patients?|members?|callers?|clients?|office|offices|prescribers?|providers?|supervisors?|managers?|leaders(hip)?|director|staff|team|requesters?)\b|\breport\s+([\w-]+\s+){0,5}?to\s+(senior\s+)?(leadership|leaders|the director|the manager|management)\b", Options)]
    private static partial Regex Communication();

    // Job-knowledge competencies whose everyday words ("service level", "contract", "benefit", "billed") other work shares:
    // a line must name their subject.
    [GeneratedRegex(@"\b(forecast\w*|workforce|staffing|intraday|real-time|shift bids?|shifts|schedules|scheduling|scheduler\w*|capacity|headcount|queues?|volumes?|breaks|time off|time-off|overtime)\b", Options)]
    private static partial Regex Scheduling();
    [GeneratedRegex(@"\b(vendors?|contractors?|outsourc\w*|suppliers?|service agreements?|MOU|delegat\w*|copy service|partnering institutions)\b", Options)]
    private static partial Regex Vendors();
    [GeneratedRegex(@"\b(claims?|billing|bills?|invoices?|payments?|premiums?|copays?|deductibles?|balances?|refunds?|overpayments?|reimburs\w*|explanation of benefits|EOBs?|statements?|charges|collect\w*|financial assistance|fees?)\b", Options)]
    private static partial Regex Claims();

    /// <summary>No cues: a framework matched on its own text alone.</summary>
    public static readonly CompetencyCues None = new(new Dictionary<string, string[]>(), new Dictionary<string, Regex>(), new Dictionary<string, Regex>());

    /// <summary>The sample framework's cues.</summary>
    public static readonly CompetencyCues Riverbend = new(RiverbendSynonyms, new Dictionary<string, Regex>
    {
        ["TEAM"] = Team(),
        // Training others: "train new specialists", "teach Lean basics to supervisors", "show new clerks how".
        ["COACH"] = Coaching(),
        // Reporting on numbers: the tools, "report monthly on", "weekly reports", "build routing reports", "analyze the data",
        // "publish monthly turnaround and volume figures".
        ["DATA"] = Reporting(),
        // Running projects: "projects", "lead the rollout of", "plan corrective action plans".
        ["PROJECT"] = Projects(),
        ["RESULTS"] = Results(),
        ["ROI"] = ReleaseOfInformation(),
        ["CONDUCT"] = Conduct(),
        ["CUSTOMER"] = Customer(),
        ["DEESC"] = Deescalation(),
        ["COMMS"] = Communication(),
    }, new Dictionary<string, Regex>
    {
        ["RESULTS"] = Results(),
        ["ROI"] = ReleaseOfInformation(),
        ["CONDUCT"] = Conduct(),
        ["CUSTOMER"] = Customer(),
        ["TEAM"] = Team(),
        ["QUALITY"] = Quality(),
        ["DEESC"] = Deescalation(),
        ["PORTAL"] = Portal(),
        ["PROBLEM"] = Problem(),
        ["JOBKNOW"] = JobKnowledge(),
        ["LEAD"] = Leadership(),
        ["WFM"] = Scheduling(),
        ["VENDOR"] = Vendors(),
        ["CLAIMS"] = Claims(),
    });

    // Built by the source generator: each pattern is literal alternations joined by short bounded gaps of whole words, which
    // the backtracking engine reads in linear time (see JobDescriptionLines on engines). Built at first use by
    // NonBacktracking they cost a cold parse 0.4 s.
    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(train|trains|training|teach|teaches|mentor|mentors|coach|coaches|onboard|onboards|develop|develops|show)\s+(the\s+|our\s+|new\s+|other\s+|each\s+|their\s+)?([\w-]+\s+){0,2}?(hires?|staff|specialists?|clerks?|representatives?|reps|agents?|supervisors?|analysts?|trainees|employees|colleagues|coworkers|peers|team|teammates|others|leads?|schedulers?|technicians?|coordinators?|trainers?|nurses?|users)\b", Options)]
    private static partial Regex Coaching();

    [GeneratedRegex(@"\b(excel|sql|dashboards?|scorecards?|power bi|tableau|queries|query|spreadsheets?|statistics|statistical)\b|\breport(s|ing|ed)?\s+(on|monthly|weekly|daily|quarterly)\b|\b(weekly|monthly|daily|quarterly|routing|volume|call-volume|performance)\s+([\w-]+\s+)?reports?\b|\b(build|builds|run|runs|pull|pulls|produce|produces|publish|publishes|prepare|prepares)\s+([\w-]+\s+){0,4}?(reports?|figures|statistics|numbers|metrics|data)\b|\b(analy[sz]e|analyzes|analyses|measure|measures|track|tracks|review|reviews)\s+([\w-]+\s+){0,4}?(data|trends|results|numbers|figures|rates|volumes?|logs|scores|metrics|enrollment|statistics)\b|\breport\s+([\w-]+,?\s+){0,4}?(turnaround|volumes?|rates?|results|scores|figures|numbers|trends)\b", Options)]
    private static partial Regex Reporting();

    [GeneratedRegex(@"\bprojects?\b|\b(lead|leads|run|runs|manage|manages|plan|plans|own|owns|drive|drives)\s+([\w-]+\s+){0,4}?(rollouts?|implementations?|action plans?|improvements?|launch(es)?|migrations?|upgrades?)\b", Options)]
    private static partial Regex Projects();
}

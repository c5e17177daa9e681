namespace CareerMap.JobDescriptions;

/// <summary>
/// The curated synonyms of the sample framework's competencies: the words job descriptions use for them that the
/// framework's own definitions and indicators do not. HR-made frameworks without an entry match on their own text.
/// </summary>
public static class CompetencySynonyms
{
    public static readonly IReadOnlyDictionary<string, string[]> Riverbend = new Dictionary<string, string[]>
    {
        ["RESILIENCE"] = ["flexibility", "flexible", "adapt to change", "deal with change", "calm under pressure", "stress", "changing priorities", "fast-paced"],
        ["RESULTS"] = ["complete", "completion", "daily target", "goal", "deadline", "turnaround", "timeframes", "on schedule", "production standards", "per hour", "quota", "deadlines", "meet deadlines", "timely", "timeline", "results", "productivity", "metrics", "targets", "goals", "prioritize work", "greatest results", "track record", "expectations", "production", "handle-time", "attendance", "on time", "daily production"],
        ["JOBKNOW"] = ["knowledge of", "procedures", "terminology", "medical terminology", "systems", "keyboarding", "typing", "computer skills", "Microsoft Office", "technical knowledge", "computer literate", "navigate", "help-desk", "technical", "electronic health record", "benefits"],
        ["PROBLEM"] = ["went wrong", "why", "issues", "find out why", "research", "researches", "investigate", "investigates", "look into", "dig into", "figure out", "reconcile", "troubleshoot", "troubleshooting", "problem solving", "analytical", "analyze", "solutions", "solve", "judgment", "decisions", "reason logically", "root cause", "root causes", "fix", "untangle", "patterns", "recommend changes", "process fixes", "resolve"],
        ["CUSTOMER"] = ["help members", "help patients", "callers", "serve", "serves", "customer service", "customer satisfaction", "patients", "patient", "members", "courteous", "greets", "helpful", "inquiries", "customer needs", "service orientation"],
        ["COMMS"] = ["write", "writes", "letters", "present", "presents", "presenter", "speaks", "clearly", "in writing", "communicate", "communication", "verbal", "written", "writing", "presentation", "listening", "explain", "explains", "communicates effectively", "English", "negotiation", "phone", "telephone", "telephone manner", "email", "plain language", "plain words", "clear answers", "inform", "update", "status updates", "meetings", "huddles", "message", "interpret", "recommend"],
        ["CONDUCT"] = ["discretion", "private", "professionalism", "professional manner", "respect", "confidentiality", "confidential", "ethics", "code of conduct", "integrity", "dress code", "professional behavior", "trustworthiness", "courteous and professional", "gossip", "accountability"],
        ["TEAM"] = ["partner with", "partners with", "alongside", "colleagues", "coworkers", "peers", "help out", "fill in", "cover for", "other departments", "cross-functional", "teamwork", "cooperation", "cooperatively", "collaborate", "team", "relationships with staff", "trust and cooperation", "diverse people", "multicultural", "work closely", "teammates", "clinic staff", "calibrate", "helps teammates", "shares"],
        ["CLAIMS"] = ["claims", "billing", "invoices", "payment", "financial assistance", "copay", "premium", "explanation of benefits"],
        ["ELIG"] = ["eligibility", "benefit coverage", "plan benefits", "Medicare", "Medicaid", "insurance verification", "coverage"],
        ["PHARM"] = ["pharmacy", "prescription", "prescriptions", "pharmacist", "medication", "refills", "drug", "formulary"],
        ["ROI"] = ["release of information", "HIPAA", "PHI", "protected health information", "medical records", "records requests", "privacy", "chart", "authorization"],
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
}

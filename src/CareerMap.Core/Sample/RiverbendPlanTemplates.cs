using CareerMap.Plans;

namespace CareerMap.Sample;

/// <summary>Riverbend's first-weeks plans for its entry roles: what a new person works on at 30, 60 and 90 days.</summary>
public static class RiverbendPlanTemplates
{
    public static IEnumerable<PlanTemplate> All() =>
    [
        new()
        {
            Code = "CC-REP-1", Name = "Care Representative I: first 90 days",
            Goal = "Take calls on my own with confidence and meet the 30-60-90 day call metrics.",
            Items =
            [
                new(30, "JOBKNOW", "WORKFLOW", "Finish the claims and eligibility workflow training and pass its check."),
                new(30, "COMMS", "SHADOW", "Listen in on ten calls with a senior representative and note how they open and close."),
                new(60, "CUSTOMER", "FEEDBACK", "Review five of my recorded calls with my supervisor against the quality form."),
                new(60, "CLAIMS", "WORKFLOW", "Resolve a billing dispute end to end without a hand-off."),
                new(90, "DEESC", "MENTOR", "Handle escalated callers with a mentor listening, then on my own."),
                new(90, "RESULTS", "FEEDBACK", "Meet the 90-day handle-time and quality targets two weeks in a row."),
            ],
        },
        new()
        {
            Code = "CC-BIL-1", Name = "Bilingual Care Representative: first 90 days",
            Goal = "Serve English- and Spanish-speaking members on my own and meet the 30-60-90 day call metrics.",
            Items =
            [
                new(30, "JOBKNOW", "WORKFLOW", "Finish the claims and eligibility workflow training and pass its check."),
                new(30, "BILING", "SHADOW", "Listen in on calls in both languages with a bilingual senior representative."),
                new(60, "COMMS", "FEEDBACK", "Review recorded calls in each language with my supervisor against the quality form."),
                new(90, "RESULTS", "FEEDBACK", "Meet the 90-day handle-time and quality targets two weeks in a row."),
            ],
        },
        new()
        {
            Code = "PS-TECH-1", Name = "Pharmacy Technician I: first 90 days",
            Goal = "Work prescriptions and participant questions on my own within the pharmacy's accuracy standards.",
            Items =
            [
                new(30, "PHARM", "WORKFLOW", "Complete the pharmacy system and formulary training."),
                new(60, "CONDUCT", "SHADOW", "Shadow a senior technician on prior authorizations and privacy checks."),
                new(90, "PHARM", "FEEDBACK", "Review a week of my work with the pharmacist on duty and close every finding."),
            ],
        },
    ];
}

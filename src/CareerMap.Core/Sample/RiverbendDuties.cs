using CareerMap.Framework;

namespace CareerMap.Sample;

/// <summary>The three medical-records duty matrices: which level (1–4, 5 = assistant manager) performs each duty.</summary>
static class RiverbendDuties
{
    public static IEnumerable<DutyDto> All()
    {
        var order = 0;
        DutyDto D(string family, string code, string name, params (int Level, string Mark)[] marks) =>
            new($"{family}-{code}", family, name, ++order, [.. marks.Select(m => new DutyMarkDto(m.Level, m.Mark))]);
        (int, string)[] From(int first, string mark = "X") => [.. Enumerable.Range(first, 6 - first).Select(l => (l, mark))];

        return
        [
            D("MR-OUT", "GROUP-CALLS", "Group calls to provider offices", From(2)),
            D("MR-OUT", "ESSENTIAL", "Essential (rush) requests", From(2)),
            D("MR-OUT", "AUTH", "Patient authorizations", From(1)),
            D("MR-OUT", "DEMOGRAPHICS", "Demographic updates", From(1)),
            D("MR-OUT", "INBOUND", "Inbound calls", From(1)),
            D("MR-OUT", "CUSTOMER-UPDATES", "Status updates to the customer", From(2)),
            D("MR-OUT", "COPY-SERVICE", "Copy-service coordination", From(1)),
            D("MR-OUT", "INTERNATIONAL", "International calls", From(3)),
            D("MR-OUT", "ESCALATIONS", "Escalations", (2, "Level 1 accounts after 3 days of provider calls"), (3, "Level 2 accounts after 3 days of provider calls"), (4, "All"), (5, "All")),
            D("MR-OUT", "TRANSLATOR", "Translator service", From(2)),
            D("MR-OUT", "AGED", "Aged cases (over 7 days)", From(3)),
            D("MR-OUT", "BACKUP-MGR", "Back up the manager", (5, "X")),

            D("MR-FUL", "INDEXING", "Indexing", (3, "Standard"), (4, "Reviewed and not-reviewed"), (5, "All")),
            D("MR-FUL", "DELIVERY-QA", "Document delivery and QA", (3, "Records not indexed"), (4, "Indexed and partly indexed records"), (5, "All")),
            D("MR-FUL", "CUSTOMER-UPDATES", "Status updates to the customer", From(3)),
            D("MR-FUL", "BOOKMARK", "Bookmarking", From(3)),
            D("MR-FUL", "OFFSHORE-FOLLOWUP", "Same-day offshore follow-ups", From(1)),
            D("MR-FUL", "OUTREACH-SUPPORT", "Follow-up calls in support of outreach, when needed", From(1)),
            D("MR-FUL", "BACKUP-MGR", "Back up the manager; mentor and coach the team", (5, "X")),

            D("MR-IMG", "TRAVEL", "On-site retrieval travel", From(1)),
            D("MR-IMG", "OUTREACH", "Outreach", From(1)),
            D("MR-IMG", "PROCESSING", "Processing", (1, "X"), (2, "X"), (3, "Backup"), (4, "Backup"), (5, "Backup")),
            D("MR-IMG", "LOADING", "Loading", (2, "X"), (3, "Backup"), (4, "Backup"), (5, "Backup")),
            D("MR-IMG", "PUSHING", "Pushing images to sites", (3, "Level 3 sites"), (4, "Level 4 sites"), (5, "All")),
            D("MR-IMG", "BACKUP-MGR", "Back up the manager", (5, "X")),
        ];
    }
}

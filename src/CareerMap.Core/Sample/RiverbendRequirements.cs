using System.Globalization;
using CareerMap.Framework;

namespace CareerMap.Sample;

/// <summary>Requirements for every Riverbend role, derived from its grade, level and family the way HR would set them.</summary>
static class RiverbendRequirements
{
    static readonly string[] CoreCompetencies = ["RESILIENCE", "RESULTS", "JOBKNOW", "PROBLEM", "CUSTOMER", "COMMS", "CONDUCT", "TEAM"];

    // The family's job knowledge: the first is critical and weighs double.
    static readonly Dictionary<string, (string Competency, int Offset)[]> JobKnowledge = new()
    {
        ["CC-REP"] = [("CLAIMS", 0), ("ELIG", 0), ("DEESC", -1)],
        ["CC-BIL"] = [("BILING", 0), ("CLAIMS", -1), ("ELIG", -1)],
        ["CC-LEAD"] = [("LEAD", 0), ("COACH", 0), ("CLAIMS", -1), ("DEESC", -1), ("WFM", -2)],
        ["PS-TECH"] = [("PHARM", 0), ("CLAIMS", -1)],
        ["PS-LEAD"] = [("LEAD", 0), ("PHARM", -1), ("QUALITY", -1)],
        ["MX-ADV"] = [("DEESC", 0), ("QUALITY", -1), ("CLAIMS", -1)],
        ["MX-QA"] = [("QUALITY", 0), ("DATA", -1)],
        ["MX-LEAD"] = [("LEAD", 0), ("QUALITY", 0), ("DATA", -1)],
        ["RP-COORD"] = [("WFM", 0), ("DATA", -1)],
        ["RP-ANALYST"] = [("WFM", 0), ("DATA", 0)],
        ["RP-ANALYTICS"] = [("DATA", 0), ("WFM", -1)],
        ["RP-LEAD"] = [("LEAD", 0), ("WFM", 0)],
        ["VM-ANALYST"] = [("VENDOR", 0), ("QUALITY", -1), ("DATA", -1)],
        ["VM-LEAD"] = [("VENDOR", 0), ("LEAD", 0)],
        ["CO-LIAISON"] = [("CLIENT", 0), ("PROJECT", -1)],
        ["CO-LEAD"] = [("CLIENT", 0), ("LEAD", 0)],
        ["CI-PM"] = [("PROJECT", 0), ("DATA", -1)],
        ["CI-REPORTING"] = [("DATA", 0), ("PROJECT", -1)],
        ["CI-LEAD"] = [("PROJECT", 0), ("LEAD", 0)],
        ["MR-OUT"] = [("ROI", 0), ("DEESC", -1)],
        ["MR-FUL"] = [("ROI", 0), ("QUALITY", -1)],
        ["MR-IMG"] = [("ROI", 0), ("PORTAL", -1)],
        ["MR-LEAD"] = [("LEAD", 0), ("ROI", 0)],
        ["MS-REP"] = [("ELIG", 0), ("CLAIMS", -1), ("DEESC", -1)],
        ["MS-BIL"] = [("BILING", 0), ("ELIG", -1)],
        ["MS-LEAD"] = [("LEAD", 0), ("ELIG", -1)],
        ["ER-ANALYST"] = [("DEESC", 0), ("CLAIMS", 0), ("QUALITY", -1)],
        ["PP-SUPPORT"] = [("PORTAL", 0), ("ROI", -1)],
        ["PP-LEAD"] = [("LEAD", 0), ("PORTAL", 0), ("PROJECT", 0)],
    };

    public static IEnumerable<RequirementDto> For(IReadOnlyList<RoleDto> roles)
    {
        foreach (var role in roles)
        {
            var grade = int.Parse(role.Grade, CultureInfo.InvariantCulture);
            // Rungs of one ladder on the same grade still differ: the higher rung asks a little more.
            var rung = roles.Count(r => r.Family == role.Family && r.Grade == role.Grade && r.Level < role.Level);
            var baseline = 1 + (int)Math.Round((grade - 103) * 0.55 + rung * 0.4, MidpointRounding.AwayFromZero);
            var leader = role.Family.EndsWith("-LEAD", StringComparison.Ordinal) || role.Code.EndsWith("-AM", StringComparison.Ordinal);
            foreach (var c in CoreCompetencies)
            {
                var bump = leader && c is "TEAM" or "RESULTS" ? 1 : 0;
                yield return new(role.Code, c, Clamp(baseline + bump), 1m, false);
            }
            var knowledge = JobKnowledge[role.Family];
            for (var i = 0; i < knowledge.Length; i++)
                yield return new(role.Code, knowledge[i].Competency, Clamp(baseline + knowledge[i].Offset), i == 0 ? 2m : 1m, i == 0);
            if (role.Code.EndsWith("-AM", StringComparison.Ordinal) || role.Code is "CC-REP-SR" or "PS-TECH-SR")
                yield return new(role.Code, "COACH", Clamp(baseline - 1), 1m, false);
        }
    }

    static int Clamp(int level) => Math.Clamp(level, 1, 5);
}

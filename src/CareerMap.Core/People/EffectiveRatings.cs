using CareerMap.Paths;

namespace CareerMap.People;

public static class EffectiveRatings
{
    public const int ManagerRatingMonths = 12;

    /// <summary>DESIGN.md's effective rating per competency from a person's whole rating history.</summary>
    public static Dictionary<string, EffectiveRating> From(IEnumerable<(string Competency, int Level, AssessmentSource Source, DateOnly On, long Id)> history, DateOnly today)
    {
        var recent = today.AddMonths(-ManagerRatingMonths);
        var effective = new Dictionary<string, EffectiveRating>(StringComparer.OrdinalIgnoreCase);
        foreach (var g in history.GroupBy(r => r.Competency, StringComparer.OrdinalIgnoreCase))
        {
            var manager = g.Where(r => r.Source == AssessmentSource.Manager && r.On >= recent).OrderByDescending(r => r.On).ThenByDescending(r => r.Id).ToList();
            var self = g.Where(r => r.Source == AssessmentSource.Self).OrderByDescending(r => r.On).ThenByDescending(r => r.Id).ToList();
            if (manager.Count > 0) effective[g.Key] = new(g.Key, manager[0].Level, "manager", manager[0].On);
            else if (self.Count > 0) effective[g.Key] = new(g.Key, self[0].Level, "self", self[0].On);
        }
        return effective;
    }
}

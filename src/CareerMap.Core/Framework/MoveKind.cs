using Microsoft.Extensions.Localization;

namespace CareerMap.Framework;

public enum MoveDirection { Promotion, Lateral, StepBack }

public enum MoveScope { WithinFamily, WithinUnit, CrossFunctional }

/// <summary>The kind of a move, derived from the grades and units of its ends, never stored.</summary>
public readonly record struct MoveKind(MoveDirection Direction, MoveScope Scope)
{
    /// <summary>
    /// Grade up is a promotion, grade down a step back. On the same grade a move is lateral, except up or down
    /// a rung of one family's ladder (Care Representative I to II): people rightly call that a promotion.
    /// </summary>
    public static MoveKind Of(int fromGradeRank, string fromUnit, string fromFamily, int toGradeRank, string toUnit, string toFamily, int fromLevel = 0, int toLevel = 0)
    {
        var sameFamily = string.Equals(fromFamily, toFamily, StringComparison.OrdinalIgnoreCase);
        var direction = toGradeRank > fromGradeRank ? MoveDirection.Promotion
            : toGradeRank < fromGradeRank ? MoveDirection.StepBack
            : sameFamily && toLevel > fromLevel ? MoveDirection.Promotion
            : sameFamily && toLevel < fromLevel ? MoveDirection.StepBack
            : MoveDirection.Lateral;
        var scope = sameFamily ? MoveScope.WithinFamily
            : string.Equals(fromUnit, toUnit, StringComparison.OrdinalIgnoreCase) ? MoveScope.WithinUnit
            : MoveScope.CrossFunctional;
        return new MoveKind(direction, scope);
    }

    public override string ToString() => Scope == MoveScope.CrossFunctional
        ? $"cross-functional {WireNames.Of(Direction)}"
        : $"{WireNames.Of(Direction)} {WireNames.Of(Scope).Replace('-', ' ')}";

    /// <summary>The kind as people read it ("promotion within family", "cross-functional lateral"), in the reader's language.</summary>
    public string Phrase(IStringLocalizer L) => (Direction, Scope) switch
    {
        (MoveDirection.Promotion, MoveScope.WithinFamily) => L["promotion within family"],
        (MoveDirection.Promotion, MoveScope.WithinUnit) => L["promotion within unit"],
        (MoveDirection.Promotion, _) => L["cross-functional promotion"],
        (MoveDirection.Lateral, MoveScope.WithinFamily) => L["lateral within family"],
        (MoveDirection.Lateral, MoveScope.WithinUnit) => L["lateral within unit"],
        (MoveDirection.Lateral, _) => L["cross-functional lateral"],
        (_, MoveScope.WithinFamily) => L["step back within family"],
        (_, MoveScope.WithinUnit) => L["step back within unit"],
        _ => L["cross-functional step back"],
    };
}

public static class MoveKinds
{
    /// <summary>The derived kind of a move between two roles of a framework document; null if either role is unknown.</summary>
    public static MoveKind? KindOf(this FrameworkDocument d, string from, string to)
    {
        var roles = d.Roles.Where(r => string.Equals(r.Code, from, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Code, to, StringComparison.OrdinalIgnoreCase)).ToList();
        var a = roles.FirstOrDefault(r => string.Equals(r.Code, from, StringComparison.OrdinalIgnoreCase));
        var b = roles.FirstOrDefault(r => string.Equals(r.Code, to, StringComparison.OrdinalIgnoreCase));
        if (a is null || b is null) return null;
        int Rank(string grade) => d.Grades.FirstOrDefault(g => string.Equals(g.Code, grade, StringComparison.OrdinalIgnoreCase))?.Rank ?? 0;
        return MoveKind.Of(Rank(a.Grade), a.Unit, a.Family, Rank(b.Grade), b.Unit, b.Family, a.Level, b.Level);
    }
}

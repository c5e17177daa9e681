namespace CareerMap.Framework;

public enum MoveDirection { Promotion, Lateral, StepBack }

public enum MoveScope { WithinFamily, WithinUnit, CrossFunctional }

/// <summary>The kind of a move, derived from the grades and units of its ends, never stored.</summary>
public readonly record struct MoveKind(MoveDirection Direction, MoveScope Scope)
{
    public static MoveKind Of(int fromGradeRank, string fromUnit, string fromFamily, int toGradeRank, string toUnit, string toFamily)
    {
        var direction = toGradeRank > fromGradeRank ? MoveDirection.Promotion
            : toGradeRank == fromGradeRank ? MoveDirection.Lateral
            : MoveDirection.StepBack;
        var scope = fromFamily == toFamily ? MoveScope.WithinFamily
            : fromUnit == toUnit ? MoveScope.WithinUnit
            : MoveScope.CrossFunctional;
        return new MoveKind(direction, scope);
    }

    public string DirectionName => Direction switch
    {
        MoveDirection.Promotion => "promotion",
        MoveDirection.Lateral => "lateral",
        _ => "step-back",
    };

    public string ScopeName => Scope switch
    {
        MoveScope.WithinFamily => "within-family",
        MoveScope.WithinUnit => "within-unit",
        _ => "cross-functional",
    };

    public override string ToString() => Scope == MoveScope.CrossFunctional
        ? $"cross-functional {DirectionName}"
        : $"{DirectionName} {ScopeName.Replace('-', ' ')}";
}

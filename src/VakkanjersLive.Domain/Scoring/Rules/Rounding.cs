namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>
/// Rounding in decimal arithmetic. Decimals hold 0.145 exactly, so a half-way value really is half-way; in binary
/// floating point 0.145 is 0.14499999999999999 and would round down.
/// </summary>
public static class Rounding
{
    /// <summary>
    /// Rounds <paramref name="value"/> to <paramref name="decimals"/> decimals. Half-up rounds half-way values away
    /// from zero (0.145 → 0.15, −0.145 → −0.15); half-even to the even neighbour (0.125 → 0.12, 0.135 → 0.14).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Decimals outside 0..28 or an unknown mode.</exception>
    public static decimal Round(decimal value, int decimals, RoundingMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 28);
        return mode switch
        {
            RoundingMode.HalfUp => Math.Round(value, decimals, MidpointRounding.AwayFromZero),
            RoundingMode.HalfEven => Math.Round(value, decimals, MidpointRounding.ToEven),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown rounding mode."),
        };
    }

    /// <summary>Rounds with the declared rules when they apply at <paramref name="stage"/>; otherwise returns the value unchanged.</summary>
    public static decimal At(RoundingRules? rules, RoundingStage stage, decimal value) =>
        rules is not null && rules.Applies(stage) ? Round(value, rules.Decimals, rules.Mode) : value;
}

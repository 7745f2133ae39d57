namespace VakkanjersLive.Domain.Scoring;

/// <summary>
/// The arithmetic every scoring method is built from, kept separate so that each formula can be checked by hand
/// against <c>docs/scoring.md</c>.
/// </summary>
public static class ScoreMath
{
    /// <summary>
    /// Two computed scores closer than this are treated as equal. Sums of thirds and square roots pick up rounding
    /// noise around 1e-14; without a tolerance two mathematically equal scores could be ranked apart by that noise.
    /// </summary>
    internal const double Tolerance = 1e-9;

    /// <summary>
    /// A judge's total for one scorecard on a 0–100 scale:
    /// <c>sum_i w_i * (v_i - min_i) / (max_i - min_i) / sum_i w_i * 100</c>.
    /// Normalising each value to its own scale makes criteria on different scales comparable, and dividing by the sum
    /// of the weights makes the weights relative (3 : 1 counts the same as 75 : 25).
    /// </summary>
    /// <param name="rubric">The rubric lines; every line must be part of <paramref name="values"/>.</param>
    /// <param name="values">Criterion id → raw value. Values for criteria that are not in the rubric are ignored.</param>
    /// <exception cref="ArgumentException">
    /// A rubric criterion is missing from <paramref name="values"/>, a value lies outside its [Min, Max], or the rubric
    /// itself is unusable (empty, duplicate criterion, Max ≤ Min, negative weight, or all weights zero).
    /// </exception>
    public static double Total(IReadOnlyList<RubricLine> rubric, IReadOnlyDictionary<Guid, decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var weightSum = ValidateRubric(rubric);

        var weighted = 0.0;
        foreach (var line in rubric)
        {
            if (!values.TryGetValue(line.CriterionId, out var value))
            {
                throw new ArgumentException($"Criterion {line.CriterionId} is missing from the scorecard.", nameof(values));
            }

            if (value < line.Min || value > line.Max)
            {
                throw new ArgumentException(
                    $"Value {value} for criterion {line.CriterionId} is outside [{line.Min}, {line.Max}].",
                    nameof(values));
            }

            // Decimal arithmetic for the differences: Max - Min of two ints can overflow an int.
            var fraction = (double)(value - line.Min) / (double)((decimal)line.Max - line.Min);
            weighted += (double)line.Weight * fraction;
        }

        return weighted / weightSum * 100.0;
    }

    /// <summary>Arithmetic mean: the sum divided by the count.</summary>
    /// <exception cref="ArgumentException">The list is empty: the mean of nothing is undefined, not 0.</exception>
    public static double Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The mean of an empty list is undefined.", nameof(values));
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Count;
    }

    /// <summary>
    /// The middle value after sorting; for an even count the mean of the two middle values. The input is not
    /// reordered.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of an empty list is undefined.", nameof(values));
        }

        var sorted = Sorted(values);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1
            ? sorted[middle]
            : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>
    /// Population standard deviation <c>sqrt(sum (x - mean)^2 / n)</c>. Population (divide by n, not n - 1) because
    /// the totals are the complete set being described, not a sample of a larger one. 0 for fewer than 2 values: a
    /// single total has no spread.
    /// </summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return 0.0;
        }

        var mean = Mean(values);
        var squares = 0.0;
        foreach (var value in values)
        {
            var deviation = value - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / values.Count);
    }

    /// <summary>
    /// Mean after dropping the single highest and the single lowest value, when there are at least 3 values; the plain
    /// mean otherwise (dropping two of two values would leave nothing).
    /// </summary>
    internal static double TrimmedMean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 3)
        {
            return Mean(values);
        }

        var sorted = Sorted(values);
        var sum = 0.0;
        for (var i = 1; i < sorted.Length - 1; i++)
        {
            sum += sorted[i];
        }

        return sum / (sorted.Length - 2);
    }

    /// <summary>True when two computed scores differ by no more than <see cref="Tolerance"/>.</summary>
    internal static bool AreEqual(double a, double b) => Math.Abs(a - b) <= Tolerance;

    /// <summary>Checks that the rubric can produce a total and returns the sum of its weights.</summary>
    internal static double ValidateRubric(IReadOnlyList<RubricLine> rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        if (rubric.Count == 0)
        {
            throw new ArgumentException("The rubric has no criteria.", nameof(rubric));
        }

        var seen = new HashSet<Guid>();
        var weightSum = 0m;
        foreach (var line in rubric)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(rubric));
            if (!seen.Add(line.CriterionId))
            {
                throw new ArgumentException($"Criterion {line.CriterionId} appears twice in the rubric.", nameof(rubric));
            }

            if (line.Max <= line.Min)
            {
                throw new ArgumentException($"Criterion {line.CriterionId} needs Max greater than Min.", nameof(rubric));
            }

            if (line.Weight < 0m)
            {
                throw new ArgumentException($"Criterion {line.CriterionId} has a negative weight.", nameof(rubric));
            }

            weightSum += line.Weight;
        }

        if (weightSum == 0m)
        {
            throw new ArgumentException("The rubric weights add up to zero.", nameof(rubric));
        }

        return (double)weightSum;
    }

    private static double[] Sorted(IReadOnlyList<double> values)
    {
        var sorted = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            sorted[i] = values[i];
        }

        Array.Sort(sorted);
        return sorted;
    }
}

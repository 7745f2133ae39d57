namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Builds a speeddate rotation, deterministically (the same classes and companies in the same order give the same
/// rotation): every class meets min(K, companies) different companies, never one twice; the companies' numbers of
/// meetings differ by at most one; nobody has two meetings in a round; and the number of rounds is the fewest
/// possible (the largest number of meetings anyone has). A class or company without a meeting in a round has a bye.
/// </summary>
/// <remarks>
/// Who meets whom: the classes' meetings are laid out one after the other over the companies in turn (class i meets
/// companies i·k … i·k + k − 1, modulo the number of companies), so loads differ by at most one and a class's k
/// companies are distinct. When: the meetings are the edges of a bipartite graph, coloured with as many colours
/// (rounds) as the largest degree by König's alternating-path method; each colour is a round.
/// </remarks>
public static class SpeeddateRotation
{
    public const int MaxClasses = 40;
    public const int MaxCompanies = 20;
    public const int MaxMeetingsPerClass = 20;

    public static IReadOnlyList<SpeeddateMeeting> Build(IReadOnlyList<Guid> classIds, IReadOnlyList<Guid> companyIds, int meetingsPerClass)
    {
        ArgumentNullException.ThrowIfNull(classIds);
        ArgumentNullException.ThrowIfNull(companyIds);
        if (classIds.Count == 0)
        {
            throw new DomainException("speeddate.classes.none");
        }

        if (companyIds.Count == 0)
        {
            throw new DomainException("speeddate.companies.none");
        }

        if (classIds.Count > MaxClasses || companyIds.Count > MaxCompanies)
        {
            throw new DomainException("speeddate.too-many", MaxClasses, MaxCompanies);
        }

        if (meetingsPerClass is < 1 or > MaxMeetingsPerClass)
        {
            throw new DomainException("speeddate.meetings.out-of-range", 1, MaxMeetingsPerClass);
        }

        if (classIds.Distinct().Count() != classIds.Count || companyIds.Distinct().Count() != companyIds.Count)
        {
            throw new DomainException("speeddate.duplicate");
        }

        var (classes, companies) = (classIds.Count, companyIds.Count);
        var k = Math.Min(meetingsPerClass, companies);
        var edges = new List<(int Class, int Company)>(classes * k);
        for (var c = 0; c < classes; c++)
        {
            for (var j = 0; j < k; j++)
            {
                edges.Add((c, ((c * k) + j) % companies));
            }
        }

        var rounds = Math.Max(k, (int)Math.Ceiling(edges.Count / (double)companies));
        var atClass = new int[classes, rounds];
        var atCompany = new int[companies, rounds];
        Fill(atClass, -1);
        Fill(atCompany, -1);
        foreach (var (cls, company) in edges)
        {
            var a = FirstFree(atClass, cls, rounds);
            var b = FirstFree(atCompany, company, rounds);
            if (atCompany[company, a] != -1)
            {
                // Swap a and b along the path that alternates them from the company: a becomes free there, and it
                // stays free at the class (in a bipartite graph the path cannot end at it).
                Flip(atClass, atCompany, company, a, b);
            }

            atClass[cls, a] = company;
            atCompany[company, a] = cls;
        }

        var meetings = new List<SpeeddateMeeting>(edges.Count);
        for (var r = 0; r < rounds; r++)
        {
            for (var c = 0; c < classes; c++)
            {
                if (atClass[c, r] is var company and >= 0)
                {
                    meetings.Add(new SpeeddateMeeting(r, classIds[c], companyIds[company]));
                }
            }
        }

        return meetings;
    }

    /// <summary>The number of rounds of a rotation (one more than its last round).</summary>
    public static int RoundsOf(IEnumerable<SpeeddateMeeting> meetings) => meetings.Select(m => m.Round + 1).DefaultIfEmpty(0).Max();

    private static void Flip(int[,] atClass, int[,] atCompany, int company, int a, int b)
    {
        // Walk the path from the company: its edge coloured a to a class, that class's edge coloured b to a company, …
        var path = new List<(int Class, int Company, int Colour)>();
        var (onCompanySide, vertex, colour) = (true, company, a);
        while (true)
        {
            var next = onCompanySide ? atCompany[vertex, colour] : atClass[vertex, colour];
            if (next < 0)
            {
                break;
            }

            path.Add(onCompanySide ? (next, vertex, colour) : (vertex, next, colour));
            (onCompanySide, vertex, colour) = (!onCompanySide, next, colour == a ? b : a);
        }

        foreach (var (cls, comp, c) in path)
        {
            atClass[cls, c] = -1;
            atCompany[comp, c] = -1;
        }

        foreach (var (cls, comp, c) in path)
        {
            var swapped = c == a ? b : a;
            atClass[cls, swapped] = comp;
            atCompany[comp, swapped] = cls;
        }
    }

    private static int FirstFree(int[,] table, int row, int rounds)
    {
        for (var r = 0; r < rounds; r++)
        {
            if (table[row, r] < 0)
            {
                return r;
            }
        }

        throw new InvalidOperationException("No free round: the rotation has fewer rounds than a degree.");
    }

    private static void Fill(int[,] table, int value)
    {
        for (var i = 0; i < table.GetLength(0); i++)
        {
            for (var j = 0; j < table.GetLength(1); j++)
            {
                table[i, j] = value;
            }
        }
    }
}

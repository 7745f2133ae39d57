using System.Globalization;
using System.Security.Cryptography;

namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Friendly generated nicknames such as "Slimme Vos 42" or "Vurige Kolibrie 318": no real names needed, nothing to
/// moderate. About 60 adjectives × 70 animals × 980 numbers, some 4 million names (the old lists had about 26,000,
/// and 500 joins drew the same name four times); <see cref="LiveEvent.ChooseNickname"/> keeps them unique per event.
/// </summary>
public static class GeneratedNicknames
{
    private static readonly string[] Adjectives =
    [
        "Slimme", "Snelle", "Vrolijke", "Dappere", "Handige", "Stoere", "Rustige", "Nieuwsgierige", "Creatieve", "Sterke",
        "Wijze", "Sportieve", "Grappige", "Zonnige", "Knappe", "Vlotte", "Blije", "Coole", "Gave", "Lieve",
        "Moedige", "Vriendelijke", "Eerlijke", "Trouwe", "Kalme", "Fijne", "Frisse", "Gouden", "Zilveren", "Groene",
        "Blauwe", "Rode", "Gele", "Paarse", "Oranje", "Vlugge", "Pientere", "Energieke", "Speelse", "Behendige",
        "Geniale", "Briljante", "Leuke", "Toffe", "Vurige", "Zachte", "Wakkere", "Lenige", "Dromerige", "Heldere",
        "Stralende", "Bijzondere", "Unieke", "Technische", "Digitale", "Magische", "Kosmische", "Elektrische", "Vrije", "Snuggere",
    ];

    private static readonly string[] Animals =
    [
        "Vos", "Uil", "Das", "Otter", "Bever", "Panda", "Valk", "Dolfijn", "Egel", "Lynx",
        "Zeehond", "Mier", "Bij", "Kameel", "Pinguin", "Ekster", "Haas", "Wolf", "Beer", "Leeuw",
        "Tijger", "Giraf", "Zebra", "Koala", "Kangoeroe", "Walvis", "Schildpad", "Kikker", "Vlinder", "Libel",
        "Merel", "Mus", "Reiger", "Ooievaar", "Zwaan", "Eend", "Gans", "Kraai", "Specht", "Papegaai",
        "Flamingo", "Pelikaan", "Octopus", "Kwal", "Krab", "Zeester", "Eekhoorn", "Marmot", "Wasbeer", "Lama",
        "Alpaca", "Buffel", "Eland", "Poema", "Jaguar", "Cheeta", "Gorilla", "Gekko", "Leguaan", "Salamander",
        "Hamster", "Cavia", "Muis", "Mol", "Slak", "Kolibrie", "Toekan", "Kiwi", "Pauw", "IJsvogel",
    ];

    // Numbers with a meaning nobody wants next to a child's name (hate-group codes, jokes about sex or the devil).
    private static readonly HashSet<int> Unlucky = [14, 18, 28, 69, 88, 187, 311, 420, 666];

    /// <summary>How many different names <see cref="Generate()"/> can give (within the nickname length).</summary>
    public static long Count { get; } =
        (from adjective in Adjectives
         from animal in Animals
         from number in Enumerable.Range(10, 990)
         where !Unlucky.Contains(number) && adjective.Length + animal.Length + (number < 100 ? 2 : 3) + 2 <= LiveEvent.MaxNicknameLength
         select 1L).Sum();

    /// <summary>
    /// Whether <paramref name="name"/> is exactly a name <see cref="Generate()"/> can give ("Slimme Vos 42": one of the
    /// adjectives, one of the animals, a number from 10 to 999 without a leading zero and not an unlucky one, within
    /// the nickname length). Such a name is as safe as a drawn one, so the join page may offer it and the hub keep it.
    /// </summary>
    public static bool IsGenerated(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > LiveEvent.MaxNicknameLength)
        {
            return false;
        }

        var parts = name.Split(' ');
        return parts.Length == 3
            && Array.IndexOf(Adjectives, parts[0]) >= 0
            && Array.IndexOf(Animals, parts[1]) >= 0
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= 10 and <= 999
            && number.ToString(CultureInfo.InvariantCulture) == parts[2]
            && !Unlucky.Contains(number);
    }

    /// <summary>A random name from a cryptographic source.</summary>
    public static string Generate() => Generate(RandomNumberGenerator.GetInt32);

    /// <summary>A random name; <paramref name="next"/> gives a number from the first (inclusive) to the second (exclusive).</summary>
    public static string Generate(Func<int, int, int> next)
    {
        while (true)
        {
            var number = next(10, 1000);
            var name = $"{Adjectives[next(0, Adjectives.Length)]} {Animals[next(0, Animals.Length)]} {number.ToString(CultureInfo.InvariantCulture)}";
            if (name.Length <= LiveEvent.MaxNicknameLength && !Unlucky.Contains(number))
            {
                return name;
            }
        }
    }
}

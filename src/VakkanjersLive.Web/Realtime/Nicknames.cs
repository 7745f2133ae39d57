using System.Security.Cryptography;

namespace VakkanjersLive.Web.Realtime;

/// <summary>Friendly generated nicknames such as "Slimme Vos 42": no real names needed, nothing to moderate.</summary>
public static class Nicknames
{
    private static readonly string[] Adjectives =
    [
        "Slimme", "Snelle", "Vrolijke", "Dappere", "Handige", "Stoere", "Rustige", "Nieuwsgierige", "Creatieve", "Sterke",
        "Wijze", "Sportieve", "Grappige", "Zonnige", "Knappe", "Vlotte",
    ];

    private static readonly string[] Animals =
    [
        "Vos", "Uil", "Das", "Otter", "Bever", "Panda", "Valk", "Dolfijn", "Egel", "Lynx", "Zeehond", "Mier", "Bij", "Kameel",
        "Pinguin", "Ekster", "Haas", "Wolf",
    ];

    public static string Generate() =>
        $"{Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)]} {Animals[RandomNumberGenerator.GetInt32(Animals.Length)]} {RandomNumberGenerator.GetInt32(10, 100)}";
}

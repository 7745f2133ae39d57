namespace VakkanjersLive.Web.Features.Import;

/// <summary>Team members as typed in one field or CSV cell: separated by commas, semicolons, slashes or bars.</summary>
public static class MemberList
{
    private static readonly char[] Separators = [',', ';', '/', '|'];

    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

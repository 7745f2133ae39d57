using System.Net;
using System.Text.RegularExpressions;

namespace VakkanjersLive.Tests.Shared;

/// <summary>Submits a server-rendered Blazor form as a browser would: antiforgery token, handler name, field names from the page.</summary>
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string formName, IDictionary<string, string> valuesByInputId)
    {
        var page = await client.GetStringAsync(url);
        var form = FormRegex().Matches(page).Select(m => m.Value).FirstOrDefault(f => f.Contains($"value=\"{formName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form '{formName}' on {url}.");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = TokenRegex().Match(form).Groups[1].Value,
        };
        foreach (var (id, value) in valuesByInputId)
        {
            var input = InputRegex().Matches(form).Select(m => m.Value).FirstOrDefault(i => i.Contains($"id=\"{id}\"", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"No input #{id} in form '{formName}'.");
            fields[NameRegex().Match(input).Groups[1].Value] = value;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static bool IsRedirectTo(this HttpResponseMessage response, string path) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith(path, StringComparison.Ordinal);

    [GeneratedRegex("<form[\\s\\S]*?</form>")]
    private static partial Regex FormRegex();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputRegex();

    [GeneratedRegex("name=\"([^\"]+)\"")]
    private static partial Regex NameRegex();
}

using VakkanjersLive.Tests.Shared.Processes;

namespace VakkanjersLive.Web.Tests.Demo;

/// <summary>
/// The demo as <c>dotnet run</c> starts it (a real process, its console read): the banner says where the sign-in
/// details are, and neither the banner nor any log line shows the password or a judge code.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DemoBannerTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("vkl-banner-").FullName;

    [Fact]
    public async Task Console_ShowsWhereTheCredentialsAre_NotThePasswordOrJudgeCodes()
    {
        var credentials = Path.Combine(_data, "demo-credentials.txt");
        using var node = new NodeProcess(new Dictionary<string, string>
        {
            ["Journal:SqlitePath"] = Path.Combine(_data, "journal.db"),
            ["DataProtection:KeysDirectory"] = Path.Combine(_data, "keys"),
            ["Demo:Seed"] = "true",
            ["Demo:CredentialsFile"] = credentials,
            ["Logging:LogLevel:Default"] = "Information",
        });
        await node.WaitReadyAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!node.Output.Any(l => l.Length > 0 && l.Trim('=').Length == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var console = string.Join('\n', node.Output);
        var lines = File.ReadAllLines(credentials);
        var password = lines[1];
        Assert.Equal("moderator", lines[0]);
        Assert.True(password.Length >= 16);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials));

        Assert.Contains("==== VakkanjersLive demo ====", console, StringComparison.Ordinal);
        Assert.Contains(credentials, console, StringComparison.Ordinal);
        Assert.DoesNotContain(password, console, StringComparison.Ordinal);

        // The judges' codes are in the file too (15 judges of the finale), and only there.
        var judges = node.DemoJudges;
        Assert.Equal(15, judges.Count);
        Assert.All(judges, j => Assert.DoesNotContain(j.Code, console, StringComparison.Ordinal));
        Assert.All(judges, j => Assert.DoesNotContain(j.Code.Replace("-", string.Empty, StringComparison.Ordinal), console, StringComparison.Ordinal));

        // The audience join codes are public (on the projector screen) and stay in the banner.
        Assert.Matches("audience join code [A-Z0-9]{6}", console);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

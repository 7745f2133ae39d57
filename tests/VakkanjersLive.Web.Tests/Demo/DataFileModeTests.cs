using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Demo;

/// <summary>After start the journal's files are the owner's only (0600), and so is the cookie keys folder (0700).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFileModeTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    private readonly TestApp _app = new();

    [Fact]
    public async Task JournalFiles_AreMode0600_AndTheKeysFolder0700()
    {
        // A first key is written when something is first protected (the staff cookie).
        _ = _app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        await TestData.SmallFinaleAsync(_app);

        foreach (var file in new[] { "journal.db", "journal.db-wal", "journal.db-shm" })
        {
            Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(_app.DataDirectory, file)));
        }

        var keys = Path.Combine(_app.DataDirectory, "keys");
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(keys));
        Assert.All(Directory.GetFiles(keys), k => Assert.Equal(OwnerFile, File.GetUnixFileMode(k)));
    }

    public void Dispose() => _app.Dispose();
}

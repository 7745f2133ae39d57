using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace VakkanjersLive.Web.Journal;

/// <summary>
/// The data folder's secrets are the owner's only: the journal's files are 0600 (<c>SqliteJournal</c>), and the
/// cookie keys folder, when the keys are kept on disk (one node), is 0700 with its key files 0600. The keys folder
/// is whatever <c>PersistKeysToFileSystem</c> was given; this only sets its mode, before the first key is written.
/// </summary>
internal sealed class DataFolderPermissions : IPostConfigureOptions<KeyManagementOptions>
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    public void PostConfigure(string? name, KeyManagementOptions options)
    {
        if (OperatingSystem.IsWindows() || options.XmlRepository is not FileSystemXmlRepository { Directory: var keys })
        {
            return;
        }

        if (!keys.Exists)
        {
            Directory.CreateDirectory(keys.FullName, OwnerFolder);
            return;
        }

        if (File.GetUnixFileMode(keys.FullName) != OwnerFolder)
        {
            File.SetUnixFileMode(keys.FullName, OwnerFolder);
        }

        foreach (var key in Directory.EnumerateFiles(keys.FullName))
        {
            if (File.GetUnixFileMode(key) != OwnerFile)
            {
                File.SetUnixFileMode(key, OwnerFile);
            }
        }
    }
}

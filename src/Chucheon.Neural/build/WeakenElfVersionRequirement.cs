// MSBuild inline task (compiled against MSBuild's reference set: no spans, no nullable context) (compiled by RoslynCodeTaskFactory; not part of Chucheon.Neural.dll).
// Marks one symbol-version requirement of an ELF64 little-endian shared object as weak, in place, when the system's
// libstdc++ does not define that version. Why: see TorchSharpNativePatch.targets and docs/neural.md.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionRequirement : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        var system = FindSystemLibStdCxx();
        if (system is null)
        {
            Log.LogMessage(MessageImportance.Low, "No system libstdc++ found; leaving TorchSharp's native library as is.");
            return true;
        }

        if (Contains(File.ReadAllBytes(system), Encoding.ASCII.GetBytes(Version + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, $"{system} defines {Version}; no patch needed.");
            return true;
        }

        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var written = File.GetLastWriteTimeUtc(path);
                var bytes = File.ReadAllBytes(path);
                var changed = Weaken(bytes, Version);
                if (changed > 0)
                {
                    File.WriteAllBytes(path, bytes);
                    // Keep the package's timestamp so incremental builds see the copy as up to date and do not
                    // overwrite it with the unpatched original on every build.
                    File.SetLastWriteTimeUtc(path, written);
                    Log.LogMessage(MessageImportance.High, $"Chucheon: marked {Version} weak in {path} ({system} lacks it).");
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is ArgumentException || e is UnauthorizedAccessException)
            {
                Log.LogError($"Chucheon: could not patch {path}: {e.Message}");
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static string FindSystemLibStdCxx()
    {
        foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib/x86_64-linux-gnu", "/usr/lib", "/lib64", "/usr/lib/aarch64-linux-gnu" })
        {
            var candidate = Path.Combine(dir, "libstdc++.so.6");
            if (File.Exists(candidate)) { return candidate; }
        }

        return null;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) { j++; }
            if (j == needle.Length) { return true; }
        }

        return false;
    }

    /// <summary>Returns how many verneed auxiliary entries named <paramref name="version"/> gained the weak flag
    /// (already-weak entries count as zero, so a second run changes nothing).</summary>
    private static int Weaken(byte[] b, string version)
    {
        if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F' || b[4] != 2 || b[5] != 1)
        {
            throw new InvalidDataException("not an ELF64 little-endian file");
        }

        var shoff = (long)BitConverter.ToUInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3A);
        int shnum = BitConverter.ToUInt16(b, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + (i * shentsize);
            if (BitConverter.ToUInt32(b, (int)sh + 4) != ShtGnuVerneed) { continue; }

            var offset = (long)BitConverter.ToUInt64(b, (int)sh + 24);
            var link = BitConverter.ToUInt32(b, (int)sh + 40);
            var count = BitConverter.ToUInt32(b, (int)sh + 44);
            var strtab = (long)BitConverter.ToUInt64(b, (int)(shoff + (link * shentsize)) + 24);
            var patched = 0;
            for (var n = 0; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(b, (int)offset + 2);
                var aux = offset + BitConverter.ToUInt32(b, (int)offset + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var flags = BitConverter.ToUInt16(b, (int)aux + 4);
                    var name = ReadString(b, strtab + BitConverter.ToUInt32(b, (int)aux + 8));
                    if (name == version && (flags & VerFlagWeak) == 0)
                    {
                        var updated = BitConverter.GetBytes((ushort)(flags | VerFlagWeak));
                        b[aux + 4] = updated[0];
                        b[aux + 5] = updated[1];
                        patched++;
                    }

                    aux += BitConverter.ToUInt32(b, (int)aux + 12);
                }

                var next = BitConverter.ToUInt32(b, (int)offset + 12);
                if (next == 0) { break; }
                offset += next;
            }

            return patched;
        }

        return 0;
    }

    private static string ReadString(byte[] b, long start)
    {
        var end = Array.IndexOf(b, (byte)0, (int)start);
        return Encoding.ASCII.GetString(b, (int)start, end - (int)start);
    }
}

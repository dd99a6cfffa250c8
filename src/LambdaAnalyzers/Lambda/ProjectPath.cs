using System;
using System.Collections.Generic;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Folder paths as text, to compare a deployment file's <c>CodeUri</c> with the project folder: both separators read as
/// <c>/</c>, <c>.</c> and <c>..</c> resolved, no trailing separator. Nothing here touches the file system.
/// </summary>
internal static class ProjectPath
{
    /// <summary>A path in the normal form; null for an empty one.</summary>
    public static string? Normalize(string? path)
    {
        if (path is null || path.Trim() is not { Length: > 0 } trimmed)
        {
            return null;
        }

        var text = trimmed.Replace('\\', '/');
        var rooted = text.StartsWith("/", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var part in text.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", parts);
    }

    /// <summary>The folder of a file's path, normalized; null when the path has none.</summary>
    public static string? DirectoryOf(string filePath)
    {
        var normal = Normalize(filePath);
        var slash = normal?.LastIndexOf('/') ?? -1;
        return slash < 0 ? null : slash == 0 ? "/" : normal!.Substring(0, slash);
    }

    /// <summary>A path relative to a folder (or absolute), normalized.</summary>
    public static string? Combine(string folder, string path)
    {
        var relative = path.Replace('\\', '/');
        return IsAbsolute(relative) ? Normalize(relative) : Normalize(folder + "/" + relative);
    }

    private static bool IsAbsolute(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]));
}

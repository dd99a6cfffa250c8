namespace LambdaAnalyzers.Lambda;

/// <summary>Where a path points on the Lambda file system, as far as the code shows it at compile time.</summary>
internal enum PathKind
{
    /// <summary>Not known at compile time: configuration, environment variables, parameters, fields.</summary>
    Unknown,

    /// <summary>Under <c>/tmp</c> or <c>Path.GetTempPath()</c>: writable ephemeral storage.</summary>
    Tmp,

    /// <summary>Under <c>/mnt/</c> (EFS), <c>/dev/</c> or <c>/proc/</c>: writable, not ephemeral storage.</summary>
    Mounted,

    /// <summary>A relative path: it resolves under the working directory, the read-only <c>/var/task</c>.</summary>
    Relative,

    /// <summary><c>/var/task</c>, the deployment package.</summary>
    TaskRoot,

    /// <summary><c>/opt</c>, the layers.</summary>
    Layers,

    /// <summary><c>AppContext.BaseDirectory</c> (or <c>AppDomain.BaseDirectory</c>): the deployment package.</summary>
    BaseDirectory,

    /// <summary><c>Environment.CurrentDirectory</c> or <c>Directory.GetCurrentDirectory()</c>: the working directory.</summary>
    CurrentDirectory,

    /// <summary><c>Assembly.Location</c> or its folder: the deployment package.</summary>
    AssemblyFolder,
}

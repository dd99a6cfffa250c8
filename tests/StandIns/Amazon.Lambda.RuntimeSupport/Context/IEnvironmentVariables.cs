using System.Collections;

namespace Amazon.Lambda.RuntimeSupport;

public interface IEnvironmentVariables
{
    void SetEnvironmentVariable(string variable, string value);

    string GetEnvironmentVariable(string variable);

    IDictionary GetEnvironmentVariables();
}

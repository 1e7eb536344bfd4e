namespace Talent.Testing;

/// <summary>The repository a test runs from (the folder with Talent.sln above the test's binaries).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Talent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Talent.sln not found above " + AppContext.BaseDirectory);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Talent.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the service's own PostgreSQL database (EF Core, pooled contexts) from connection string
    /// <paramref name="connectionName"/>, with the interceptors other libraries registered (the outbox's), and a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing (ConnectionStrings__{connectionName}).");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddDbContextPool<TContext>((sp, options) => options
            .UseServiceDatabase(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>($"{connectionName}-database", tags: ["ready"]);
        builder.Services.AddExceptionHandler<DatabaseExceptionHandler>();
        return builder;
    }

    /// <summary>PostgreSQL with tables and columns named in snake case; the same at run time and for design-time tools.</summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithPreparedStatements(connectionString)).UseSnakeCaseNamingConvention();

    /// <summary>How many statements each connection keeps prepared (the most used ones), unless the connection string says.</summary>
    public const int PreparedStatementsPerConnection = 128;

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on: a statement run a few times on a pooled connection
    /// is prepared there, so PostgreSQL parses and plans it once instead of at every execution (a service repeats the same
    /// few dozen statements: over drafts and submissions with their consumers PostgreSQL used a quarter less processor
    /// time). A connection string that sets <c>Max Auto Prepare</c> keeps its value (0 turns it off).
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        // Npgsql's builder answers every keyword it knows as present: the keys written are read with the plain one.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = PreparedStatementsPerConnection;
        }

        return builder.ConnectionString;
    }

    /// <summary>Options for a design-time factory (<c>dotnet ef migrations add</c>): no server is contacted.</summary>
    public static DbContextOptions<TContext> DesignTimeOptions<TContext>(string database)
        where TContext : DbContext =>
        (DbContextOptions<TContext>)new DbContextOptionsBuilder<TContext>().UseServiceDatabase($"Host=localhost;Database={database}").Options;
}

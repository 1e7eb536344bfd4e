using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Talent.Messaging.Metrics;

/// <summary>A service's reading of its backlogs for the gauges: one sample returns a value for each gauge of its plan.</summary>
public abstract class GaugeSampler<TContext>
    where TContext : DbContext
{
    public abstract Task<IReadOnlyDictionary<string, double>> SampleAsync(TContext db, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The one row of <paramref name="sql"/> as numbers by position (null is 0; a time is its age in seconds at
    /// <paramref name="now"/>), over plain ADO: the context's naming convention does not touch result columns.
    /// Parameters are named <c>@p0</c>, <c>@p1</c>, ...
    /// </summary>
    protected static async Task<double[]> ReadRowAsync(TContext db, DateTimeOffset now, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "p" + i;
                parameter.Value = parameters[i];
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var row = new double[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? 0 : reader.GetValue(i) switch
                {
                    DateTimeOffset at => Math.Max(0, (now - at).TotalSeconds),
                    DateTime at => Math.Max(0, (now.UtcDateTime - at.ToUniversalTime()).TotalSeconds),
                    var number => Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture),
                };
            }

            return row;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class BusinessMeterOptions
{
    /// <summary>How often the gauges are sampled from the database (one small query a round).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Samples the gauges every <see cref="BusinessMeterOptions.SampleInterval"/>; a failed round keeps the last values.</summary>
public sealed class GaugeSampling<TContext>(
    IServiceScopeFactory scopes,
    GaugeSampler<TContext> sampler,
    BusinessMeters meters,
    IOptionsMonitor<BusinessMeterOptions> options,
    TimeProvider time,
    ILogger<GaugeSampling<TContext>> logger)
    : PeriodicWork(time, logger)
    where TContext : DbContext
{
    protected override TimeSpan Interval => options.CurrentValue.SampleInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SampleAsync(cancellationToken);

    /// <summary>One round: reads the backlogs and sets the gauges (tests call it to read them now).</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var values = await sampler.SampleAsync(scope.ServiceProvider.GetRequiredService<TContext>(), Clock.GetUtcNow(), cancellationToken);
        foreach (var (gauge, value) in values)
        {
            meters.Set(gauge, value);
        }
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Testing;
using Xunit;

namespace Talent.Data.Tests;

/// <summary>
/// The services' pools prepare statements: text PostgreSQL cannot hold never reaches it (a refusal at bind time left the
/// connection out of step, so the guard stops such a value before the statement is sent), and the refusals PostgreSQL
/// makes as a statement runs leave the prepared statements in step.
/// </summary>
public sealed class PreparedStatementTests
{
    private const string LoneSurrogate = "a\uD800b";

    [Fact]
    public void Text_is_storable_unless_it_holds_a_NUL_a_lone_surrogate_or_as_json_either_escaped()
    {
        (string Text, bool Json, bool Storable)[] cases =
        [
            ("plain 中文 text", false, true),
            ("a pair 😀 of surrogates", false, true),
            ("a\0b", false, false),
            (LoneSurrogate, false, false),
            ("b\uDC00", false, false),
            ("\uD800", false, false),
            ("""{"a":"x\u0000y"}""", true, false),
            ("""{"a":"x\\u0000y"}""", true, true),
            ("""{"a":"x\\\u0000y"}""", true, false),
            ("""text naming \u0000, not JSON""", false, true),
            ("""{"a":"\ud83d\ude00"}""", true, true),
            ("""{"a":"\ud800"}""", true, false),
            ("""{"a":"\udc00"}""", true, false),
            ("""{"a":"\ud800x\udc00"}""", true, false),
            ("""{"a":"\\ud800"}""", true, true),
            ("""{"a":"\ud800\\udc00"}""", true, false),
        ];
        Assert.All(cases, c => Assert.Equal(c.Storable, StorableText.IsStorable(c.Text, c.Json)));
    }

    [Fact]
    public async Task Unstorable_text_is_refused_before_it_is_sent_nothing_is_written_and_the_prepared_statements_stay_in_step()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("storable");
        var options = (DbContextOptions<NotesDb>)new DbContextOptionsBuilder<NotesDb>().UseServiceDatabase(database.ConnectionString).Options;
        await using var db = new NotesDb(options);
        await db.Database.EnsureCreatedAsync(ct);
        var kept = new Note { Id = Guid.NewGuid(), Text = "保留", Tags = ["a"], Body = new NoteBody { Line = "ok" } };
        db.Notes.Add(kept);
        await db.SaveChangesAsync(ct);

        // Each bad note, and a query whose parameter holds the same kind of bad text.
        (Note Note, string Query)[] bad =
        [
            (new() { Id = Guid.NewGuid(), Text = "a\0b" }, "a\0b"),
            (new() { Id = Guid.NewGuid(), Text = LoneSurrogate }, LoneSurrogate),
            (new() { Id = Guid.NewGuid(), Text = "tags", Tags = ["ok", "x\0"] }, "x\0"),
            (new() { Id = Guid.NewGuid(), Text = "body", Body = new NoteBody { Line = "x\0y" } }, "x\0y"),
        ];
        // Every statement used here is prepared after its second use; each turn reads the kept row between refusals.
        for (var turn = 0; turn < 12; turn++)
        {
            var (note, query) = bad[turn % bad.Length];
            db.ChangeTracker.Clear();
            db.Notes.Add(note);
            var saving = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            Assert.IsType<UnstorableTextException>(saving.InnerException);
            db.ChangeTracker.Clear();
            await Assert.ThrowsAsync<UnstorableTextException>(() => db.Notes.AsNoTracking().Where(n => n.Text == query).ToListAsync(ct));

            var read = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == kept.Id, ct);
            Assert.Equal(("保留", "ok"), (read.Text, read.Body.Line));
            Assert.Equal(1, await db.Notes.CountAsync(ct));
        }
    }

    [Fact]
    public async Task Statements_refused_while_they_run_leave_the_prepared_statements_in_step()
    {
        // Npgsql issue 6391 (open): an auto-prepared statement that failed as it ran (a value too long) inside a
        // transaction that was rolled back failed again afterwards. Here duplicates (23505) and values too long (22001)
        // are refused as a matter of course, alone, in a batch and in an explicit transaction, on one connection.
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("prepared");
        var oneConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        var options = (DbContextOptions<NotesDb>)new DbContextOptionsBuilder<NotesDb>().UseServiceDatabase(oneConnection).Options;
        await using (var setup = new NotesDb(options))
        {
            await setup.Database.EnsureCreatedAsync(ct);
        }

        var names = new List<string>();
        for (var turn = 0; turn < 20; turn++)
        {
            await using var db = new NotesDb(options);
            var name = $"t{turn}";
            db.Labels.Add(new Label { Id = Guid.NewGuid(), Name = name });
            await db.SaveChangesAsync(ct);
            names.Add(name);

            await Refused(db, PostgresErrorCodes.UniqueViolation, new Label { Id = Guid.NewGuid(), Name = name });
            await Refused(db, PostgresErrorCodes.StringDataRightTruncation, new Label { Id = Guid.NewGuid(), Name = "far too long a name" });
            await Refused(db, PostgresErrorCodes.UniqueViolation, new Label { Id = Guid.NewGuid(), Name = $"n{turn}" }, new Label { Id = Guid.NewGuid(), Name = name });
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await Refused(db, PostgresErrorCodes.UniqueViolation, new Label { Id = Guid.NewGuid(), Name = name });
                await transaction.RollbackAsync(ct);
            }

            Assert.Equal(names.Order(StringComparer.Ordinal), (await db.Labels.AsNoTracking().Select(l => l.Name).ToListAsync(ct)).Order(StringComparer.Ordinal));
            Assert.Equal(name, (await db.Labels.AsNoTracking().SingleAsync(l => l.Name == name, ct)).Name);
        }

        async Task Refused(NotesDb db, string sqlState, params Label[] labels)
        {
            db.ChangeTracker.Clear();
            db.Labels.AddRange(labels);
            var refusal = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            Assert.Equal(sqlState, Assert.IsType<PostgresException>(refusal.InnerException).SqlState);
            db.ChangeTracker.Clear();
        }
    }

    private sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();

        public DbSet<Label> Labels => Set<Label>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Note>().Property(n => n.Body).HasJsonColumn("body", JsonSerializerOptions.Web);
            modelBuilder.Entity<Label>().Property(l => l.Name).HasMaxLength(10);
            modelBuilder.Entity<Label>().HasIndex(l => l.Name).IsUnique();
        }
    }

    private sealed class Label
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";
    }

    private sealed class Note
    {
        public Guid Id { get; set; }

        public string Text { get; set; } = "";

        public List<string> Tags { get; set; } = [];

        public NoteBody Body { get; set; } = new();
    }

    private sealed class NoteBody
    {
        public string Line { get; set; } = "";
    }
}

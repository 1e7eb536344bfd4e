using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Testing;
using Xunit;

namespace Talent.Data.Tests;

/// <summary>
/// Text PostgreSQL cannot hold never reaches it: with statements prepared (the services' pools), a refusal at bind time
/// left the connection out of step, so the guard stops such a value before the statement is sent.
/// </summary>
public sealed class StorableTextTests
{
    private const string LoneSurrogate = "a\uD800b";

    [Fact]
    public void Text_is_storable_unless_it_holds_a_NUL_a_lone_surrogate_or_as_json_the_NUL_escape()
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

        Note[] bad =
        [
            new() { Id = Guid.NewGuid(), Text = "a\0b" },
            new() { Id = Guid.NewGuid(), Text = LoneSurrogate },
            new() { Id = Guid.NewGuid(), Text = "tags", Tags = ["ok", "x\0"] },
            new() { Id = Guid.NewGuid(), Text = "body", Body = new NoteBody { Line = "x\0y" } },
        ];
        // Every statement used here is prepared after its second use; each turn reads the kept row between refusals.
        for (var turn = 0; turn < 12; turn++)
        {
            var note = bad[turn % bad.Length];
            db.ChangeTracker.Clear();
            db.Notes.Add(note);
            var saving = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            Assert.IsType<UnstorableTextException>(saving.InnerException);
            db.ChangeTracker.Clear();
            var text = note.Text == "body" || note.Text == "tags" ? "x\0" : note.Text;
            await Assert.ThrowsAsync<UnstorableTextException>(() => db.Notes.AsNoTracking().Where(n => n.Text == text).ToListAsync(ct));

            var read = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == kept.Id, ct);
            Assert.Equal(("保留", "ok"), (read.Text, read.Body.Line));
            Assert.Equal(1, await db.Notes.CountAsync(ct));
        }
    }

    private sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Note>().Property(n => n.Body).HasJsonColumn("body", JsonSerializerOptions.Web);
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

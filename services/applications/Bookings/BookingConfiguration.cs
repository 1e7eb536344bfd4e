using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Applications.Bookings;

/// <summary>Table <c>venues</c>.</summary>
public sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> e)
    {
        e.ToTable("venues");
        e.HasKey(v => v.Code);
        e.Property(v => v.Code).HasMaxLength(20);
        e.Property(v => v.NameZh).HasMaxLength(100);
        e.Property(v => v.NameEn).HasMaxLength(100);
        e.Property(v => v.Kind).HasMaxLength(20);
    }
}

/// <summary>
/// Table <c>bookings</c>. Its migration adds the exclusion constraint <c>bookings_no_overlap</c> (btree_gist): one venue's
/// bookings that are requested or confirmed never overlap in time, whatever runs at once.
/// </summary>
public sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public const string NoOverlap = "bookings_no_overlap";

    public void Configure(EntityTypeBuilder<Booking> e)
    {
        e.ToTable("bookings");
        e.HasKey(b => b.Id);
        e.Property(b => b.VenueCode).HasMaxLength(20);
        e.Property(b => b.BookerId).HasMaxLength(100);
        e.Property(b => b.BookerName).HasMaxLength(200);
        e.Property(b => b.Purpose).HasMaxLength(Booking.PurposeMaxLength);
        e.Property(b => b.State).HasConversion<string>().HasMaxLength(20);
        e.Property(b => b.DecidedBy).HasMaxLength(200);
        e.Property(b => b.Note).HasMaxLength(Booking.NoteMaxLength);
        e.Property<uint>("Version").IsRowVersion();
        e.HasIndex(b => new { b.BookerId, b.StartsAt });
        e.HasIndex(b => new { b.VenueCode, b.StartsAt });
        e.HasIndex(b => new { b.State, b.StartsAt });
    }
}

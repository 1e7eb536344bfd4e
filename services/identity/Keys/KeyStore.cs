using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Talent.Identity.Data;

namespace Talent.Identity.Keys;

/// <summary>
/// Signing (RSA) and encryption (AES) keys kept in the identity database, so every replica and every restart uses
/// the same keys and issued tokens stay valid. Rotation adds a newer key: it signs from the next start of each
/// replica on, while older unretired keys stay published so tokens they signed still validate.
/// In production the key material belongs in a key vault or HSM; the database is the embedded default's store.
/// </summary>
public sealed class KeyStore(IdentityDb db, TimeProvider time)
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    public async Task EnsureActiveKeysAsync(CancellationToken cancellationToken)
    {
        // Two replicas starting at once: the advisory lock lets one create the keys, the other then finds them.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7301)", cancellationToken);
        foreach (var use in new[] { Signing, Encryption })
        {
            if (!await db.Keys.AnyAsync(k => k.Use == use && k.RetiredAt == null, cancellationToken))
            {
                db.Keys.Add(Create(use));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<KeyMaterial> RotateAsync(string use, CancellationToken cancellationToken)
    {
        var key = Create(use);
        db.Keys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    private KeyMaterial Create(string use)
    {
        var now = time.GetUtcNow();
        string material;
        if (use == Signing)
        {
            using var rsa = RSA.Create(2048);
            material = rsa.ExportPkcs8PrivateKeyPem();
        }
        else
        {
            material = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        return new KeyMaterial { Id = $"{use}-{now:yyyyMMddHHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}", Use = use, Material = material, CreatedAt = now };
    }
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Talent.Identity.Data;

namespace Talent.Identity.Keys;

/// <summary>Hands the stored keys to OpenIddict, newest first (the first one signs).</summary>
public sealed class KeyRing(IServiceScopeFactory scopes) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var keys = db.Keys.AsNoTracking().Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt).ToList();
        foreach (var key in keys.Where(k => k.Use == KeyStore.Signing))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(key.Material);
            options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = key.Id }, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in keys.Where(k => k.Use == KeyStore.Encryption))
        {
            var aes = new SymmetricSecurityKey(Convert.FromBase64String(key.Material)) { KeyId = key.Id };
            options.EncryptionCredentials.Add(new EncryptingCredentials(aes, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}

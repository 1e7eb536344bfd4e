using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Talent.Portal.Data;

namespace Talent.Portal.Sessions;

/// <summary>
/// Keeps authentication tickets on the server (the portal's database), so the cookie holds only a random session id and
/// the person's access and refresh tokens never reach the browser. Tickets are protected with data protection at rest;
/// every replica reads the same rows and keys, so a session survives a replica stopping.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    /// <summary>
    /// Where a stored ticket carries its own session key: the cookie handler keeps the key only in the cookie's small
    /// ticket, not in the one it reads back from here, and refreshing the tokens needs it to write them back.
    /// </summary>
    public const string SessionKeyItem = ".talent.sessionKey";

    private readonly TicketDataFormat _format = new(protection.CreateProtector("Talent.Portal.Sessions.v1"));

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        ticket.Properties.Items[SessionKeyItem] = id;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Sessions.Add(Row(new PortalSession { Id = id }, ticket));
        await db.SaveChangesAsync();
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ticket.Properties.Items[SessionKeyItem] = key;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == key);
        if (session is null)
        {
            db.Sessions.Add(Row(new PortalSession { Id = key }, ticket));
        }
        else
        {
            KeepNewerTokens(session, ticket);
            Row(session, ticket);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The cookie handler renews a sliding session with the ticket it read when the request began; if the request
    /// refreshed the tokens meanwhile (<c>PortalUser</c>), that copy holds the old ones, and the refresh token in it has
    /// been used. The stored tokens win when they expire later.
    /// </summary>
    private void KeepNewerTokens(PortalSession session, AuthenticationTicket ticket)
    {
        if (_format.Unprotect(session.Ticket)?.Properties is not { } stored || ExpiresAt(stored) <= ExpiresAt(ticket.Properties))
        {
            return;
        }

        foreach (var name in new[] { "access_token", "refresh_token", "expires_at" })
        {
            if (stored.GetTokenValue(name) is { } value)
            {
                ticket.Properties.UpdateTokenValue(name, value);
            }
        }
    }

    /// <summary>When the ticket's access token expires (<c>expires_at</c>, as the OpenID Connect handler saves it), or never known.</summary>
    internal static DateTimeOffset ExpiresAt(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key);
        if (session is null || session.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        return _format.Unprotect(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Sessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private PortalSession Row(PortalSession session, AuthenticationTicket ticket)
    {
        session.Ticket = _format.Protect(ticket);
        session.Subject = ticket.Principal.FindFirst("sub")?.Value ?? "";
        session.ExpiresAt = ticket.Properties.ExpiresUtc ?? time.GetUtcNow().AddHours(8);
        session.UpdatedAt = time.GetUtcNow();
        return session;
    }
}

namespace Talent.Identity;

/// <summary>Configuration section <c>Identity</c>.</summary>
public sealed class TalentIdentityOptions
{
    /// <summary>The issuer as clients see it, through the gateway (e.g. http://localhost:8080/identity/).</summary>
    public Uri? Issuer { get; set; }

    /// <summary>False only for the local default over plain http.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// The embedded default's demonstration accounts and clients, and the resource-owner password flow for
    /// <c>talent-dev</c>. Off unless the embedded default turns it on.
    /// </summary>
    public bool DemoData { get; set; }

    /// <summary>Where people reach the web portal (the gateway's public address); its client's redirect addresses follow it.</summary>
    public Uri? PortalUrl { get; set; }

    /// <summary>The secret of the dashboard's operator client for this run (set by the AppHost); none: the client is removed.</summary>
    public string? DashboardClientSecret { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a rotated refresh token may still be redeemed (clients refreshing twice at once).</summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

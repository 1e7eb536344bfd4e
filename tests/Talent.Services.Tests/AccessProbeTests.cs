extern alias applications;
extern alias feedback;
extern alias matching;
using Xunit;
using static Talent.Services.Tests.AccessPersonas;

namespace Talent.Services.Tests;

/// <summary>
/// Owners' records probed by others (issue "no access beyond the role"): talent1 makes a record through the API, then every
/// other persona reads it and acts on it. Another applicant gets 404 (its existence is not disclosed); staff of another
/// department get the documented 404; roles the service does not serve are refused whatever the id (401/403); the owner,
/// the owning department and operators get it.
/// </summary>
public sealed class AccessProbeTests
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;

    [Fact]
    public async Task Talent1s_application_is_not_there_for_other_applicants_nor_for_staff_outside_its_departments()
    {
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications");
        var clients = ClientsOf(host.ClientAs, "applications");
        var probe = new AccessProbe("applications", p => clients[p]);
        var code = await AccessRecords.PublishedItemAsync(host.Factory.Services, Departments("applications").Owner);
        var id = await AccessRecords.DraftApplicationAsync(clients[AccessPersonas.Talent], code);
        var path = $"/api/applications/{id}";

        // A draft: its applicant's alone (staff see a case once it is submitted; operators read all).
        var draft = Seen(owner: 200, otherApplicant: 404, staffOwner: 404, staffOther: 404, coordinators: [403], providers: [403], operatorStatus: 200);
        await probe.ExpectEachAsync(Get, path, null, draft);
        await probe.ExpectEachAsync(Get, path + "/history", null, draft);
        await probe.ExpectAsync(Enterprise, Put, path, new { answers = new { } }, 404);
        await probe.ExpectAsync(Enterprise, Post, path + "/materials", new { materialCode = "contract", walletFileId = Guid.NewGuid() }, 404);
        await probe.ExpectAsync(Enterprise, Post, path + "/withdraw", new { reason = "not mine" }, 404);
        await probe.ExpectAsync(StaffOwner, Put, path, new { answers = new { } }, 403, 404);
        await probe.ExpectListedAsync(Enterprise, "/api/applications/mine", id.ToString(), listed: false);
        await probe.ExpectListedAsync(AccessPersonas.Talent, "/api/applications/mine", id.ToString(), listed: true);

        // Submitted: now also the lead department's (HRSS); still nobody else's.
        await AccessRecords.SubmitApplicationAsync(clients[AccessPersonas.Talent], id);
        var submitted = Seen(owner: 200, otherApplicant: 404, staffOwner: 200, staffOther: 404, coordinators: [403], providers: [403], operatorStatus: 200);
        await probe.ExpectEachAsync(Get, path, null, submitted);
        await probe.ExpectEachAsync(Get, path + "/history", null, submitted);
        await probe.ExpectAsync(StaffOther, Post, path + "/accept", null, 404);
        await probe.ExpectAsync(StaffOther, Post, path + "/return", new { note = "补充材料" }, 404);
        await probe.ExpectAsync(Enterprise, Post, path + "/withdraw", new { reason = "not mine" }, 404);
        await probe.ExpectAsync(Enterprise, Post, path + "/accept", null, 403, 404);
        await probe.ExpectListedAsync(StaffOther, "/api/applications/inbox", id.ToString(), listed: false);
        await probe.ExpectListedAsync(StaffOwner, "/api/applications/inbox", id.ToString(), listed: true);
        await probe.ExpectAsync(StaffOwner, Post, path + "/accept", null, 200);

        // An enquiry about the item: the asker's and the lead department's.
        var enquiry = (await AccessRecords.EnquiryAsync(clients[AccessPersonas.Talent], code)).ToString();
        await probe.ExpectListedAsync(Enterprise, "/api/applications/enquiries", enquiry, listed: false);
        await probe.ExpectListedAsync(StaffOther, "/api/applications/enquiries", enquiry, listed: false);
        await probe.ExpectListedAsync(StaffOwner, "/api/applications/enquiries", enquiry, listed: true);
        await probe.ExpectAsync(StaffOther, Post, $"/api/applications/enquiries/{enquiry}/answer", new { answer = "答复" }, 404);
        await probe.ExpectAsync(Enterprise, Post, $"/api/applications/enquiries/{enquiry}/answer", new { answer = "答复" }, 403);

        Dispose(clients);
        probe.AssertNone();
    }

    [Fact]
    public async Task Talent1s_ticket_is_not_there_for_other_applicants_nor_for_staff_of_other_departments()
    {
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback");
        var clients = ClientsOf(host.ClientAs, "feedback");
        var probe = new AccessProbe("feedback", p => clients[p]);
        var id = await AccessRecords.TicketAsync(clients[AccessPersonas.Talent]);
        var path = $"/api/feedback/tickets/{id}";

        // Talent policy routes to HRSS: its person, HRSS staff and operators see it; commissioners, butlers and brokers are not feedback users.
        await probe.ExpectEachAsync(Get, path, null, Seen(owner: 200, otherApplicant: 404, staffOwner: 200, staffOther: 404, coordinators: [403], providers: [403], operatorStatus: 200));
        await probe.ExpectAsync(Enterprise, Post, path + "/confirm", new { satisfied = true }, 404);
        await probe.ExpectAsync(Enterprise, Post, path + "/reopen", new { reason = "not answered" }, 404);
        await probe.ExpectAsync(StaffOther, Post, path + "/take", null, 404);
        await probe.ExpectAsync(StaffOther, Post, path + "/reply", new { reply = "答复" }, 404);
        await probe.ExpectListedAsync(Enterprise, "/api/feedback/tickets/mine", id.ToString(), listed: false);
        await probe.ExpectListedAsync(StaffOther, "/api/feedback/tickets/inbox", id.ToString(), listed: false);
        await probe.ExpectListedAsync(StaffOwner, "/api/feedback/tickets/inbox", id.ToString(), listed: true);
        await probe.ExpectAsync(StaffOwner, Post, path + "/take", null, 200);

        Dispose(clients);
        probe.AssertNone();
    }

    [Fact]
    public async Task Talent1s_demand_is_not_there_for_other_applicants_nor_for_anyone_but_coordinators()
    {
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var clients = ClientsOf(host.ClientAs, "matching");
        var probe = new AccessProbe("matching", p => clients[p]);
        var id = await AccessRecords.DemandAsync(clients[AccessPersonas.Talent]);

        // Candidates: the demand's owner, commissioners and operators; nobody else, whether or not it exists.
        await probe.ExpectEachAsync(Get, $"/api/matching/demands/{id}/candidates", null,
            Seen(owner: 200, otherApplicant: 404, staffOwner: 404, staffOther: 404, coordinators: [200], providers: [403, 404], operatorStatus: 200, staffRefused: true));
        await probe.ExpectListedAsync(Enterprise, "/api/matching/demands/mine", id.ToString(), listed: false);
        await probe.ExpectListedAsync(AccessPersonas.Talent, "/api/matching/demands/mine", id.ToString(), listed: true);

        Dispose(clients);
        probe.AssertNone();
    }

    /// <summary>
    /// The statuses each persona may get for the owner's record. Commissioner stands for the coordinators, butler and broker
    /// for the providers; anonymous is 401 and the municipal client refused (401 or 403) everywhere. With
    /// <paramref name="staffRefused"/> staff may also be refused by role (403) rather than not find it (404).
    /// </summary>
    private static Dictionary<string, int[]> Seen(int owner, int otherApplicant, int staffOwner, int staffOther, int[] coordinators, int[] providers, int operatorStatus, bool staffRefused = false) => new()
    {
        [Anonymous] = [401],
        [AccessPersonas.Talent] = [owner],
        [Enterprise] = [otherApplicant],
        [StaffOwner] = staffRefused ? [staffOwner, 403] : [staffOwner],
        [StaffOther] = staffRefused ? [staffOther, 403] : [staffOther],
        [Commissioner] = coordinators,
        [Butler] = providers,
        [Broker] = providers,
        [Operator] = [operatorStatus],
        [Municipal] = [401, 403],
    };

    private static Dictionary<string, HttpClient> ClientsOf(Func<string?, HttpClient> clientAs, string service) =>
        All.ToDictionary(p => p, p => clientAs(TokenFor(p, service)));

    private static void Dispose(Dictionary<string, HttpClient> clients)
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}

using static Talent.Catalogue.Demo.DemoBuilders;
using static Talent.Catalogue.References.ServiceItemType;

namespace Talent.Catalogue.Demo;

/// <summary>DEMONSTRATION DATA, NOT OFFICIAL INFORMATION. The departmental items each life matter merges (see <see cref="ServicesOf"/>).</summary>
public static partial class DemoCatalogue
{
    private static readonly Dictionary<string, DemoService[]> MergedLife = new()
    {
        ["TALENT-APARTMENT"] =
        [
            S("人才公寓入住验房", "Apartment move-in inspection", "HOUSING"),
            S("人才公寓续租", "Apartment lease renewal", "HOUSING"),
            S("人才公寓退租", "Apartment move-out", "HOUSING"),
            S("人才公寓调换", "Apartment exchange", "HOUSING"),
            S("人才公寓物业报修", "Apartment maintenance request", "HOUSING"),
        ],
        ["RENT-SUBSIDY"] =
        [
            S("租房补贴资格审核", "Rent subsidy eligibility review", "HOUSING"),
            S("住房公积金租房提取", "Provident fund withdrawal for rent", "HOUSING", PublicService, "POL-HOUSING-PROVIDENT"),
            S("租房补贴年度复核", "Annual rent subsidy re-examination", "HOUSING"),
            S("租房补贴停发与变更", "Stopping or changing a rent subsidy", "HOUSING"),
            S("个人所得税住房租金扣除", "Housing rent deduction in income tax", "TAX"),
        ],
        ["HOME-PURCHASE"] =
        [
            S("购房资格核验", "Home purchase eligibility check", "HOUSING"),
            S("商品房买卖合同网签备案", "Online filing of a home purchase contract", "HOUSING"),
            S("住房公积金贷款", "Provident fund mortgage", "HOUSING", PublicService, "POL-HOUSING-PROVIDENT"),
            S("契税缴纳", "Deed tax payment", "TAX"),
            S("不动产转移登记", "Real estate transfer registration", "HOUSING", Licensing),
        ],
        ["CHILD-SCHOOLING"] =
        [
            S("幼儿园入园安排", "Kindergarten placement", "EDU"),
            S("义务教育入学资格审核", "Compulsory education eligibility review", "EDU"),
            S("学籍转接", "Student record transfer", "EDU"),
            S("高中阶段入学照顾", "Senior secondary admission consideration", "EDU"),
            S("外籍子女入学咨询", "Schooling advice for foreign children", "EDU"),
            S("儿童预防接种证明查验", "Vaccination record check", "HEALTH"),
        ],
        ["SPOUSE-EMPLOYMENT"] =
        [
            S("配偶求职登记", "Spouse job-seeker registration", "HRSS"),
            S("配偶就业岗位推送", "Job vacancy notices for spouses", "HRSS"),
            S("配偶职业技能培训", "Vocational training for spouses", "HRSS"),
            S("配偶灵活就业社保补贴", "Social insurance subsidy for flexibly employed spouses", "HRSS", RewardOrSubsidy, "POL-SOCIAL-INSURANCE"),
            S("配偶人事档案转递", "Transfer of a spouse's personnel file", "HRSS"),
        ],
        ["MEDICAL-GREEN"] =
        [
            S("绿色通道住院预约", "Priority hospital admission", "HEALTH"),
            S("家庭医生签约", "Family doctor registration", "HEALTH"),
            S("人才健康档案建立", "Personal health record", "HEALTH"),
            S("异地就医直接结算备案", "Cross-region direct medical settlement filing", "HEALTH", PublicService, "POL-SOCIAL-INSURANCE"),
            S("国际医疗保险结算", "International medical insurance settlement", "HEALTH", PublicService, "POL-FOREIGN-TALENT"),
        ],
        ["HUKOU-SETTLEMENT"] =
        [
            S("随迁家属落户", "Residence registration for accompanying family", "POLICE"),
            S("集体户口立户", "Collective household registration", "POLICE"),
            S("居民身份证申领", "Resident identity card application", "POLICE", Certification),
            S("户籍证明开具", "Household registration certificate", "POLICE", Certification),
            S("人事档案接收", "Receiving a personnel file", "HRSS"),
        ],
        ["TALENT-CARD"] =
        [
            S("人才服务卡年审", "Annual review of the talent card", "HRSS"),
            S("人才服务卡挂失补办", "Replacing a lost talent card", "HRSS"),
            S("景区与文体场馆礼遇", "Privileges at scenic spots and venues", "COMMERCE"),
            S("机场高铁贵宾通道", "VIP lanes at airports and stations", "COMMERCE"),
            S("人才子女托育预约", "Childcare booking for talents' children", "EDU"),
        ],
        ["FOREIGN-PERMIT"] =
        [
            S("外国高端人才确认函", "Confirmation letter for high-end foreign talent", "STI", Certification, "POL-FOREIGN-TALENT"),
            S("外国人工作许可延期", "Work permit extension", "STI", Licensing),
            S("外国人工作许可注销", "Work permit cancellation", "STI"),
            S("外籍人才签证邀请函", "Visa invitation letter", "POLICE", PublicService, "POL-FOREIGN-TALENT"),
            S("外国人永久居留推荐", "Permanent residence recommendation", "POLICE", Certification, "POL-FOREIGN-TALENT"),
            S("外籍人员个税汇算指引", "Income tax filing guidance for foreigners", "TAX"),
        ],
        ["SOCIAL-INSURANCE-TRANSFER"] =
        [
            S("社保参保证明开具", "Social insurance certificate", "HRSS", Certification, "POL-SOCIAL-INSURANCE"),
            S("失业保险关系转移", "Unemployment insurance transfer", "HRSS", PublicService, "POL-SOCIAL-INSURANCE"),
            S("工伤保险参保登记", "Work injury insurance registration", "HRSS"),
            S("住房公积金异地转移", "Provident fund transfer between cities", "HOUSING", PublicService, "POL-HOUSING-PROVIDENT"),
            S("企业年金转移", "Enterprise annuity transfer", "HRSS"),
            S("社会保障卡申领", "Social security card application", "HRSS"),
        ],
        ["PARENTS-CARE"] =
        [
            S("老年人优待证办理", "Senior citizen privilege card", "HEALTH", PublicService, "POL-ELDERLY-CARE"),
            S("居家养老服务补贴", "Home care subsidy", "HEALTH", RewardOrSubsidy, "POL-ELDERLY-CARE"),
            S("养老机构入住咨询", "Care home admission advice", "HEALTH", PublicService, "POL-ELDERLY-CARE"),
            S("随迁父母医保参保", "Medical insurance for relocated parents", "HEALTH"),
            S("随迁老人体检预约", "Health check booking for relocated parents", "HEALTH"),
        ],
    };
}

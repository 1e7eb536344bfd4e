using static Talent.Catalogue.Demo.DemoBuilders;
using static Talent.Catalogue.References.ServiceItemType;

namespace Talent.Catalogue.Demo;

/// <summary>
/// DEMONSTRATION DATA, NOT OFFICIAL INFORMATION. The departmental items (部门事项) each production item merges besides the
/// main ones it names (the life matters' are in DemoCatalogue.MergedLife.cs): with them the 37 items bundle the article's "280 余项部门事项". An item's applicant does not apply
/// to each of these: the lead department handles them behind the one application (the point of 一件事).
/// </summary>
public static partial class DemoCatalogue
{
    private static readonly Dictionary<string, DemoService[]> MergedProduction = new()
    {
        ["RESEARCH-PROJECT"] =
        [
            S("科技计划项目中期检查", "Research project mid-term check", "STI"),
            S("科技计划项目变更", "Change to a research project", "STI"),
            S("科研经费预算调整", "Research budget adjustment", "STI"),
            S("科研项目绩效评价", "Research project performance evaluation", "STI"),
            S("科研诚信承诺备案", "Research integrity pledge filing", "STI", Certification),
        ],
        ["INSTRUMENT-SHARING"] =
        [
            S("科研仪器入网登记", "Instrument registration on the sharing platform", "STI", Certification),
            S("创新券申领", "Innovation voucher claim", "STI", RewardOrSubsidy),
            S("创新券兑付", "Innovation voucher redemption", "FINANCE", RewardOrSubsidy),
            S("仪器共享服务绩效评价", "Instrument sharing performance evaluation", "STI"),
            S("进口科研仪器免税确认", "Duty-free confirmation for imported research instruments", "COMMERCE", Certification),
        ],
        ["POSTDOC-STATION"] =
        [
            S("博士后进站备案", "Postdoctoral admission filing", "HRSS", Certification),
            S("博士后出站手续办理", "Postdoctoral completion procedures", "HRSS"),
            S("博士后科研项目资助", "Postdoctoral research grant", "STI", RewardOrSubsidy),
            S("博士后留区工作补贴", "Allowance for postdocs staying in the zone", "HRSS", RewardOrSubsidy),
            S("博士后人员落户", "Residence registration for postdocs", "POLICE"),
        ],
        ["RD-DEDUCTION"] =
        [
            S("研发费用辅助账辅导", "Guidance on the R&D expense ledger", "TAX"),
            S("科技型中小企业评价入库", "Technology-based SME evaluation", "STI", Certification, "POL-TAX-INCENTIVES"),
            S("研发投入后补助", "R&D investment post-subsidy", "STI", RewardOrSubsidy),
            S("加计扣除异议项目复核", "Review of a disputed super-deduction project", "STI"),
            S("企业所得税优惠事项备案", "Corporate income tax incentive filing", "TAX", PublicService, "POL-TAX-INCENTIVES"),
        ],
        ["TALENT-PROGRAM"] =
        [
            S("人才计划入选公示", "Public notice of selected talents", "HRSS", Other),
            S("人才项目年度考核", "Annual assessment of talent projects", "HRSS"),
            S("人才生活补助发放", "Living allowance payment", "HRSS", RewardOrSubsidy),
            S("团队项目资助拨付", "Team project funding payment", "FINANCE", RewardOrSubsidy),
            S("人才个人所得税奖励", "Individual income tax reward for talents", "TAX", RewardOrSubsidy, "POL-TAX-INCENTIVES"),
            S("人才计划协议签订", "Talent programme agreement", "HRSS"),
        ],
        ["TALENT-DATABASE"] =
        [
            S("人才信息采集", "Talent information collection", "HRSS"),
            S("人才认定结果复核", "Review of a talent tier decision", "HRSS"),
            S("人才认定证书发放", "Talent certificate issuance", "HRSS", Certification),
            S("人才信息变更", "Change of talent information", "HRSS"),
            S("人才库年度更新", "Annual talent database update", "HRSS"),
        ],
        ["POC-FUNDING"] =
        [
            S("概念验证中心认定", "Proof-of-concept centre recognition", "STI", Certification),
            S("概念验证项目评审", "Proof-of-concept project review", "STI"),
            S("概念验证资金拨付", "Proof-of-concept fund payment", "FINANCE", RewardOrSubsidy),
            S("概念验证项目验收", "Proof-of-concept project acceptance", "STI"),
            S("概念验证成果投资对接", "Matching proof-of-concept results with investors", "FINANCE"),
        ],
        ["PATENT-FASTTRACK"] =
        [
            S("专利申请前评估", "Pre-filing patent assessment", "IP"),
            S("专利权质押登记", "Patent pledge registration", "IP", Licensing, "POL-IP-FUNDING"),
            S("知识产权质押融资贴息", "Interest subsidy for IP-pledged loans", "FINANCE", RewardOrSubsidy, "POL-IP-FUNDING"),
            S("高价值专利培育资助", "High-value patent cultivation grant", "IP", RewardOrSubsidy, "POL-IP-FUNDING"),
            S("专利导航服务", "Patent navigation service", "IP"),
            S("知识产权维权援助", "IP enforcement assistance", "IP"),
        ],
        ["TECH-CONTRACT"] =
        [
            S("技术合同登记变更", "Change to a registered technology contract", "STI"),
            S("技术转让所得减免税备案", "Tax relief filing for technology transfer income", "TAX", PublicService, "POL-TAX-INCENTIVES"),
            S("技术交易奖补", "Technology trade subsidy", "STI", RewardOrSubsidy),
            S("技术经纪人登记", "Technology broker registration", "STI", Certification),
            S("技术交易统计报送", "Technology trade statistics report", "STI", Other),
        ],
        ["PILOT-PLATFORM"] =
        [
            S("中试平台认定", "Pilot platform recognition", "STI", Certification),
            S("中试服务合同备案", "Pilot service contract filing", "STI"),
            S("中试平台绩效评价", "Pilot platform performance evaluation", "STI"),
            S("中试用能保障", "Energy supply for pilot runs", "ECON"),
            S("中试产品检验检测", "Testing of pilot products", "MARKET"),
        ],
        ["PILOT-BASE"] =
        [
            S("中试基地安全生产条件审查", "Work safety review of a pilot base", "ECON", Licensing, "POL-INDUSTRIAL-LAND"),
            S("排污许可登记", "Pollutant discharge registration", "DEV", Licensing),
            S("消防设计审查", "Fire protection design review", "DEV", Licensing, "POL-PROJECT-APPROVAL"),
            S("中试基地入驻协议签订", "Pilot base residency agreement", "ECON"),
            S("危险化学品使用登记", "Hazardous chemicals use registration", "POLICE", Licensing),
        ],
        ["INCUBATOR-ENTRY"] =
        [
            S("在孵企业登记", "Incubated company registration", "STI", Certification),
            S("在孵企业注册辅导", "Registration guidance for incubated companies", "MARKET", PublicService, "POL-ENTERPRISE-STARTUP"),
            S("创业导师对接", "Start-up mentor matching", "STI"),
            S("孵化器毕业认定", "Incubator graduation recognition", "STI", Certification),
            S("众创空间工位补贴", "Co-working desk subsidy", "STI", RewardOrSubsidy),
            S("集群注册住所登记", "Cluster registered-address registration", "MARKET", Licensing, "POL-ENTERPRISE-STARTUP"),
        ],
        ["TRANSFER-REWARD"] =
        [
            S("科技成果评价", "Technology achievement evaluation", "STI"),
            S("职务科技成果赋权备案", "Filing the assignment of rights in service inventions", "STI", Certification),
            S("成果转化收益分配备案", "Filing the division of transfer income", "STI"),
            S("转化奖励个税递延备案", "Deferred income tax filing for transfer rewards", "TAX", PublicService, "POL-TAX-INCENTIVES"),
            S("成果转化项目入库", "Transfer project listing", "STI"),
        ],
        ["BUSINESS-STARTUP"] =
        [
            S("企业名称自主申报", "Company name self-declaration", "MARKET", Licensing, "POL-ENTERPRISE-STARTUP"),
            S("银行开户预约", "Bank account appointment", "FINANCE", PublicService, "POL-ENTERPRISE-STARTUP"),
            S("住房公积金单位缴存登记", "Housing provident fund employer registration", "HOUSING", PublicService, "POL-HOUSING-PROVIDENT"),
            S("医保单位参保登记", "Medical insurance employer registration", "HEALTH", PublicService, "POL-SOCIAL-INSURANCE"),
            S("员工就业参保登记", "Employee employment and insurance registration", "HRSS", PublicService, "POL-SOCIAL-INSURANCE"),
            S("电子发票开通", "Electronic invoice activation", "TAX", PublicService, "POL-ENTERPRISE-STARTUP"),
        ],
        ["STARTUP-LOAN"] =
        [
            S("创业培训报名", "Entrepreneurship training enrolment", "HRSS"),
            S("创业项目评估", "Start-up project assessment", "HRSS"),
            S("个人征信查询授权", "Credit report authorisation", "FINANCE"),
            S("担保贷款合同签订", "Guaranteed loan contract signing", "FINANCE"),
            S("一次性创业补贴", "One-off start-up subsidy", "HRSS", RewardOrSubsidy),
        ],
        ["ANGEL-FUND"] =
        [
            S("投资项目尽职调查", "Due diligence on a project", "FINANCE", PublicService, "POL-CAPITAL-MARKET"),
            S("投资决策委员会审议", "Investment committee review", "FINANCE"),
            S("投资协议签署", "Investment agreement signing", "FINANCE"),
            S("股权变更登记", "Equity change registration", "MARKET", Licensing),
            S("投后管理服务", "Post-investment services", "FINANCE"),
        ],
        ["FIRST-SET"] =
        [
            S("首台套产品检测", "Testing of a first-of-kind product", "MARKET"),
            S("首批次新材料认定", "First-batch new materials recognition", "ECON", Certification, "POL-ENTERPRISE-GROWTH"),
            S("首版次软件认定", "First-edition software recognition", "ECON", Certification, "POL-ENTERPRISE-GROWTH"),
            S("首台套推广应用奖励", "First-of-kind application reward", "ECON", RewardOrSubsidy),
            S("政府采购首购支持", "Government first-purchase support", "FINANCE"),
        ],
        ["INVESTMENT-PROJECT"] =
        [
            S("建设用地规划许可", "Land use planning permit", "DEV", Licensing, "POL-PROJECT-APPROVAL"),
            S("固定资产投资项目节能审查", "Energy conservation review of an investment project", "DEV", Licensing, "POL-PROJECT-APPROVAL"),
            S("环境影响评价审批", "Environmental impact approval", "DEV", Licensing, "POL-PROJECT-APPROVAL"),
            S("施工图审查", "Construction drawing review", "DEV", PublicService, "POL-PROJECT-APPROVAL"),
            S("竣工联合验收", "Joint completion acceptance", "DEV", PublicService, "POL-PROJECT-APPROVAL"),
            S("不动产首次登记", "First registration of real estate", "HOUSING", Licensing),
        ],
        ["INTEREST-SUBSIDY"] =
        [
            S("贷款合同备案", "Loan contract filing", "FINANCE"),
            S("贴息资格审核", "Interest subsidy eligibility review", "FINANCE"),
            S("科技保险保费补贴", "Technology insurance premium subsidy", "FINANCE", RewardOrSubsidy),
            S("应收账款融资服务", "Receivables financing service", "FINANCE"),
            S("中小企业转贷应急资金", "Emergency bridge funding for SMEs", "FINANCE", PublicService, "POL-ENTERPRISE-GROWTH"),
        ],
        ["FACTORY-RENT"] =
        [
            S("标准厂房入驻审核", "Standard factory admission review", "ECON", PublicService, "POL-INDUSTRIAL-LAND"),
            S("厂房装修消防审查", "Fire review of a factory fit-out", "DEV", Licensing),
            S("厂房用电报装", "Electricity connection for a factory", "ECON"),
            S("厂房用水报装", "Water connection for a factory", "ECON"),
            S("亩均效益评价", "Output-per-mu evaluation", "ECON", PublicService, "POL-INDUSTRIAL-LAND"),
        ],
        ["SME-SPECIALISED"] =
        [
            S("创新型中小企业评价", "Innovative SME evaluation", "ECON", Certification, "POL-ENTERPRISE-GROWTH"),
            S("专精特新“小巨人”推荐", "Recommendation as a “little giant”", "ECON", Certification, "POL-ENTERPRISE-GROWTH"),
            S("专精特新企业复核", "Re-examination of specialised SMEs", "ECON"),
            S("中小企业服务券", "SME service voucher", "ECON", RewardOrSubsidy),
            S("专精特新企业融资对接", "Financing match for specialised SMEs", "FINANCE"),
        ],
        ["HIGH-TECH-ENTERPRISE"] =
        [
            S("高企认定申报辅导", "Guidance for the high-tech application", "STI"),
            S("高企培育入库", "High-tech cultivation listing", "STI", Certification),
            S("高企专项审计报告备案", "Filing of the special audit report", "TAX", PublicService, "POL-TAX-INCENTIVES"),
            S("高企更名与重大变化报告", "Name and major change report", "STI"),
            S("高企资格复审", "High-tech status re-examination", "STI", Certification),
        ],
        ["LISTING-SUPPORT"] =
        [
            S("股份制改造辅导", "Joint-stock reform guidance", "FINANCE", PublicService, "POL-CAPITAL-MARKET"),
            S("社保公积金合规证明", "Social insurance and provident fund compliance certificate", "HRSS", Certification),
            S("纳税合规证明", "Tax compliance certificate", "TAX", Certification),
            S("环保合规证明", "Environmental compliance certificate", "DEV", Certification),
            S("上市辅导备案奖励", "Listing guidance filing reward", "FINANCE", RewardOrSubsidy, "POL-CAPITAL-MARKET"),
            S("新三板挂牌奖励", "NEEQ quotation reward", "FINANCE", RewardOrSubsidy, "POL-CAPITAL-MARKET"),
        ],
        ["RD-CENTRE"] =
        [
            S("研发中心绩效评价", "R&D centre performance evaluation", "STI"),
            S("市级研发平台推荐", "Recommendation as a municipal R&D platform", "STI", Certification),
            S("重点实验室认定", "Key laboratory recognition", "STI", Certification),
            S("研发设备购置补助", "R&D equipment purchase subsidy", "ECON", RewardOrSubsidy),
            S("新型研发机构备案", "New R&D institution filing", "STI", Certification),
        ],
        ["EXPORT-CREDIT"] =
        [
            S("对外贸易经营者备案", "Foreign trade operator filing", "COMMERCE", Licensing, "POL-EXPORT-TRADE"),
            S("报关单位备案", "Customs declarant filing", "COMMERCE", Licensing),
            S("出口退税备案", "Export tax refund filing", "TAX", PublicService, "POL-EXPORT-TRADE"),
            S("原产地证书申领", "Certificate of origin", "COMMERCE", Certification),
            S("境外展会补贴", "Overseas trade fair subsidy", "COMMERCE", RewardOrSubsidy, "POL-EXPORT-TRADE"),
            S("出口信保保单融资", "Export credit policy financing", "FINANCE", PublicService, "POL-EXPORT-TRADE"),
        ],
        ["PROFESSIONAL-TITLE"] =
        [
            S("职称评审材料公示", "Public notice of title materials", "HRSS", Other),
            S("职称证书发放", "Title certificate issuance", "HRSS", Certification),
            S("职称考试报名", "Title examination registration", "HRSS"),
            S("继续教育学时登记", "Continuing education hours registration", "HRSS"),
            S("职称评审结果复核", "Review of a title decision", "HRSS"),
            S("外省职称确认", "Recognition of titles from other provinces", "HRSS", Certification),
        ],
    };

    /// <summary>Every departmental item the one-thing item bundles: the ones it names first, then those merged into it.</summary>
    public static IReadOnlyList<DemoService> ServicesOf(DemoItem item) => [.. item.Services, .. (MergedProduction.GetValueOrDefault(item.Code) ?? MergedLife.GetValueOrDefault(item.Code) ?? [])];
}

"""Near-duplicate evaluation set: variants of base articles, scored pairwise per kind.

For every base article the set holds a repost with leftover boilerplate and half-width
punctuation, a script-converted copy (s2t of a simplified original, t2s of a traditional
one), an edited copy (10% of paragraphs dropped, one added), a teaser (first fifth) and
one half. Articles are paired by topic, so each is the other's unrelated same-topic
article. Every text passes through t2s first, as the pipeline does before fingerprinting.

Run `python tests/dedup_evalset.py [--articles DIR] [--threshold T]` for the table; a DIR
holds one UTF-8 .txt per article (one paragraph per line, topic = name before the last
"-"), so a held-out set is built the same way from other texts.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path

import opencc

from hanflow.dedup import DEFAULT_THRESHOLD, Candidate, DedupIndex, fingerprint
from hanflow.dedup.key import dedup_key

SAME = ("base", "repost", "script", "edited")
KINDS = ("repost", "script", "edited", "teaser", "half", "unrelated")
_DATES = {
    "base": "2025-06-01",
    "script": "2025-06-02",
    "repost": "2025-06-03",
    "edited": "2025-06-04",
    "teaser": "2025-06-05",
    "half": "2025-06-06",
}
_BOILER_TOP = (
    "本文转载自滨海日报客户端，原标题有改动。",
    "来源：城市生活网 作者：本网记者",
    "本文转载自公众号“今日视点”，如有侵权请联系删除。",
)
_BOILER_END = (
    "编者按：文中观点仅代表作者本人，不代表本站立场。",
    "（责任编辑：本网编辑部）欢迎在评论区留下你的看法。",
    "编者注：本文数据截至发稿时，后续情况请以官方发布为准。",
)
_ADDED = (
    "记者在现场看到，不少人拿出手机记录下这一幕，相关话题很快登上了本地热搜。",
    "对此，有读者在留言中表示，希望相关部门能够及时公开更多细节，回应社会关切。",
    "本报将继续关注事态进展，欢迎知情读者通过热线电话向我们提供线索。",
)
_HALF_WIDTH = str.maketrans("，。：；！？（）“”", ',.:;!?()""')
ARTICLES: dict[str, tuple[str, ...]] = {
    "weather-1": (
        "本周三起，一场强降雨过程将自西向东影响江南和华南大部地区，气象台已于昨晚发布暴雨蓝色预警。",
        "预报显示，浙江南部、福建北部和江西东部的部分地区累计雨量可达一百至一百五十毫米，局地超过两百毫米。",
        "气象专家解释说，这次降雨与副热带高压北抬、西南暖湿气流加强有关，冷暖空气在长江以南交汇，雨带停留时间较长。",
        "城市内涝是本轮降雨最需要警惕的风险。低洼路段、地下车库和下穿隧道在短时强降水时容易积水，市民出行应尽量避开。",
        "山区则要防范山洪和地质灾害。多个县已组织人员巡查河道和边坡，对居住在危险区域的群众提前做好转移准备。",
        "农业部门提醒，早稻正处于灌浆期，田间要及时清沟排水，防止长时间浸泡导致倒伏和病害蔓延。",
        "交通方面，铁路部门表示将根据雨情对部分线路实行限速运行，旅客可通过官方渠道查询列车的实时信息。",
        "学校和幼儿园也收到了通知，如遇红色预警，将视情况停课，具体安排以当地教育部门发布的消息为准。",
        "据统计，今年入汛以来，该区域平均降水量较常年同期偏多约三成，部分水库水位已经接近汛限。",
        "气象台表示，周末前后雨带将逐步南压，届时江南北部天气转好，但气温回升明显，闷热感会增强。",
    ),
    "weather-2": (
        "随着一股较强冷空气南下，北方多地气温在二十四小时内下降八到十二摄氏度，不少市民翻出了厚外套。",
        "中央气象台发布寒潮预警，内蒙古中东部、华北北部和东北地区将先后出现大风降温天气，阵风可达八级以上。",
        "专家介绍，这次寒潮来源于西伯利亚，冷空气堆积时间长、强度大，移动路径偏东，对华北平原的影响尤为明显。",
        "降温还伴随着降雪。东北部分地区将迎来今冬首场中到大雪，道路结冰会给早晚通勤带来不小的麻烦。",
        "供暖部门已经提前升温运行，多个城市的热力公司表示，居民室内温度能够保持在十八摄氏度以上。",
        "设施农业需要做好防寒保温工作，大棚要加固棚膜、增加覆盖，避免蔬菜遭受冻害。",
        "医生提醒，气温骤降容易诱发心脑血管疾病和呼吸道感染，老人和儿童应注意保暖，减少清晨外出。",
        "风力较大时，高空坠物的风险随之上升，广告牌、阳台花盆和临时搭建物都需要及时检查和固定。",
        "从中期预报看，冷空气过后，北方将迎来一段晴冷天气，昼夜温差大，夜间最低气温可能跌破冰点。",
        "气象部门建议公众关注最新预报，合理安排出行，驾车出门要降低车速、保持车距。",
    ),
    "tech-1": (
        "一家国内手机厂商昨日举行新品发布会，推出了搭载自研影像芯片的旗舰机型，起售价与上一代持平。",
        "新机最大的变化在相机系统。主摄采用一英寸大底传感器，配合新的算法，夜景拍摄的噪点明显减少。",
        "厂商介绍，自研芯片负责处理图像降噪和色彩还原，能够在按下快门的瞬间完成多帧合成，减少等待时间。",
        "续航同样是宣传的重点。新机内置五千五百毫安时电池，支持九十瓦有线快充，半小时可以充满大部分电量。",
        "屏幕方面，新机采用一块六点七英寸的曲面屏，峰值亮度提升到三千尼特，在户外阳光下也能看清内容。",
        "系统层面，厂商推出了新的隐私保护功能，应用读取剪贴板和位置信息时会弹出更醒目的提示。",
        "有分析人士认为，旗舰手机市场竞争激烈，影像和续航已经成为各家拉开差距的主要方向。",
        "也有消费者表示，手机越来越重，厚度也在增加，希望厂商在堆料之外更多考虑握持手感。",
        "据渠道商透露，新机首批备货充足，线下门店将在周末开放体验，正式开售时间定在下周一。",
        "业内预计，今年下半年还将有多款旗舰机型密集发布，市场价格战可能进一步升温。",
    ),
    "tech-2": (
        "某大型云计算服务商宣布，将在西部地区新建一座数据中心，预计总投资超过百亿元，明年年底投入使用。",
        "选择西部的主要原因是电价较低、气候凉爽，服务器散热可以更多依赖自然冷却，从而降低能耗。",
        "新数据中心将采用液冷技术，企业方面称，其电能使用效率有望降到一点二以下，达到行业领先水平。",
        "项目建成后主要承担人工智能模型训练和离线数据处理任务，对时延要求较高的业务仍放在东部节点。",
        "当地政府表示，数据中心将带动服务器组装、运维服务和职业培训等相关产业，预计提供数千个就业岗位。",
        "不过也有专家提醒，数据中心耗水量不容忽视，在干旱地区建设需要做好水资源的统筹规划。",
        "近年来，东数西算工程持续推进，多个枢纽节点陆续开工，算力网络的骨干线路也在加快建设。",
        "企业负责人称，将优先使用风电和光伏等绿色电力，并探索把余热用于周边居民供暖。",
        "市场研究机构的数据显示，国内智能算力规模连续三年保持高速增长，需求主要来自互联网和制造业企业。",
        "分析认为，随着更多大型项目落地，算力成本有望逐步下降，中小企业使用云服务的门槛也会随之降低。",
    ),
    "sport-1": (
        "第十届滨江国际马拉松昨日鸣枪开跑，来自三十多个国家和地区的两万多名选手参加了全程和半程比赛。",
        "男子全程冠军由一名肯尼亚选手获得，他在最后五公里发力甩开对手，以两小时八分的成绩打破赛会纪录。",
        "女子组的争夺同样激烈，前三名在四十公里处仍然并驾齐驱，最终一名埃塞俄比亚选手冲刺胜出。",
        "国内选手表现亮眼，一位来自云南的年轻运动员跑出个人最好成绩，获得男子全程第五名。",
        "今年赛道做了调整，起点移到江边广场，沿途经过老城区和新建的滨江公园，风景比往年更加丰富。",
        "组委会在沿途设置了二十个补给站和十二个医疗点，并首次启用心率手环对选手进行实时监测。",
        "比赛当天气温适宜，但湿度较高，医疗志愿者共处置抽筋、擦伤等情况两百余起，没有发生严重事件。",
        "不少市民自发来到路边为选手加油，有人准备了水果和饮料，也有乐队在街头演奏助威。",
        "赛事期间，城区部分道路实行交通管制，地铁提前一个小时开始运营，方便选手和观众前往起点。",
        "组委会表示，明年将继续扩大赛事规模，并考虑增设亲子跑项目，让更多家庭参与进来。",
    ),
    "sport-2": (
        "全国青少年游泳锦标赛在省体育中心落下帷幕，来自各地的八百多名小选手在五天里角逐四十个项目。",
        "比赛中共有六人次打破全国少年纪录，其中一名十四岁的女孩在两百米混合泳项目中表现尤为突出。",
        "教练组认为，近年来青少年训练更加科学，体能测试、动作分析和营养管理都已成为日常训练的一部分。",
        "本届比赛还首次引入了视频回放系统，裁判可以借助水下摄像头判断转身和触壁是否符合规则。",
        "不少家长专程陪孩子参赛。一位父亲说，孩子每天早上五点半起床训练，虽然辛苦，但很享受在水里的感觉。",
        "主办方同时举行了教练员培训班，邀请退役名将分享训练经验，讨论如何避免过早专项化带来的伤病。",
        "体育部门负责人表示，将继续加大基层游泳场馆建设投入，让更多孩子有机会接受规范的游泳训练。",
        "统计显示，全国注册青少年游泳运动员人数五年间增长了近一倍，南方省份的参与度明显更高。",
        "比赛结束后，部分优秀选手将入选国家青年集训队，参加今年冬季在海南举行的封闭训练。",
        "下一届锦标赛将于两年后在西部城市举办，届时预计会有更多新面孔出现在赛场上。",
    ),
    "economy-1": (
        "国庆假期结束后，多地商务部门公布了节日消费数据，餐饮、旅游和文化娱乐支出均较去年同期增长。",
        "在一座东部城市，八天假期里重点商圈客流量超过一千万人次，夜间消费占比接近四成。",
        "旅游市场的一个新特点是短途游和周边游升温，自驾出行的家庭明显增多，乡村民宿一房难求。",
        "文博场馆同样火热。不少博物馆推出夜场和特展，预约名额在开放后几分钟内就被抢空。",
        "电影市场表现平稳，几部国产影片贡献了大部分票房，其中一部历史题材影片口碑和票房双双领先。",
        "与此同时，以旧换新政策继续拉动家电和汽车消费，部分门店的节能家电销量比平时翻了一番。",
        "商家普遍加大了促销力度，满减、直降和积分抵扣等方式并用，线上线下的价格差距在逐步缩小。",
        "也有经营者反映，客流虽多，但客单价有所下降，消费者在花钱时更加精打细算，更看重性价比。",
        "经济学者分析，服务消费正在成为拉动内需的重要力量，未来还需在假期制度和公共服务上继续发力。",
        "商务部门表示，下一步将围绕年末消费旺季组织更多促消费活动，进一步释放城乡居民的消费潜力。",
    ),
    "economy-2": (
        "今年前三季度，某沿海省份外贸进出口总额同比增长百分之六，增速高于全国平均水平。",
        "从商品结构看，电动汽车、锂电池和太阳能电池这三类产品出口增长最快，成为外贸的新亮点。",
        "民营企业依然是外贸主力军，其进出口额占全省总额的比重超过六成，并且还在继续提升。",
        "对新兴市场的出口增长明显，对东盟、中东和拉美地区的出口增速均在两位数以上。",
        "跨境电商也保持快速发展，海外仓数量比去年底增加了三十多个，物流时效明显缩短。",
        "不过，外部环境仍然复杂，部分企业反映海运价格波动较大，订单周期变短，经营压力有所增加。",
        "海关部门推出了多项便利化措施，包括提前申报、抵港直装等，企业通关时间进一步压缩。",
        "金融机构也加大了对外贸企业的支持，出口信用保险覆盖面扩大，中小企业融资成本有所下降。",
        "专家认为，外贸企业要在稳住传统市场的同时积极开拓新市场，并加快品牌建设和产品升级。",
        "该省商务厅表示，第四季度将组织企业参加多个境外展会，帮助企业抓订单、拓市场。",
    ),
    "education-1": (
        "今年高考录取工作已基本结束，多所高校公布的新生数据显示，报考人工智能相关专业的考生明显增加。",
        "一所理工类大学的招生负责人说，今年计算机和电子信息类专业的录取分数线比去年提高了十多分。",
        "与此同时，基础学科也受到更多关注。强基计划扩大招生后，数学、物理和化学专业的生源质量有所提升。",
        "在志愿填报阶段，不少家长和考生借助大数据工具进行分析，但专家提醒，兴趣和职业规划更加重要。",
        "部分高校推出了大类招生和转专业政策，新生入学一年后可以根据成绩和兴趣重新选择专业方向。",
        "新疆、西藏等地区的专项招生计划继续实施，农村和贫困地区学生进入重点高校的人数保持增长。",
        "录取通知书也越来越有创意。有的学校把校园微缩模型放进信封，有的附上校史纪念卡片。",
        "教育部门提醒，近期有不法分子冒充高校工作人员进行诈骗，考生和家长要通过官方渠道核实信息。",
        "业内人士指出，随着就业市场的变化，考生选择专业时更加理性，不再单纯追逐热门。",
        "新学期即将开始，各高校正在为新生准备入学教育、心理测评和资助政策宣讲等工作。",
    ),
    "education-2": (
        "新学期开学后，多地中小学推行课后服务升级，除了作业辅导，还增加了体育、艺术和科技类兴趣课程。",
        "一所小学的校长介绍，学校把课后服务分成基础托管和特色课程两部分，家长可以根据需要自愿选择。",
        "为了解决师资不足的问题，不少学校引入了少年宫、体育俱乐部和高校志愿者，丰富课程内容。",
        "家长对课后服务的满意度总体较高。一位母亲说，孩子放学后可以在学校打篮球，回家后作业也基本完成了。",
        "但也有教师反映，课后服务延长了工作时间，学校需要在绩效分配和弹性上下班方面给予更多支持。",
        "教育部门表示，课后服务经费由财政补助和适当收费共同保障，对家庭困难学生实行减免。",
        "一些地区还在探索把课后服务与劳动教育结合，组织学生种植蔬菜、参与校园维护等活动。",
        "专家认为，课后服务的关键在于质量，不能变成第二课堂的集体补课，要真正让学生减负。",
        "随着双减政策深入推进，校外培训机构数量大幅减少，学校在育人中的主阵地作用更加突出。",
        "下一步，当地将建立课后服务质量评价机制，定期听取家长和学生的意见，不断调整课程安排。",
    ),
    "transport-1": (
        "本市地铁十二号线首期工程今天正式开通运营，线路全长二十八公里，共设车站二十座。",
        "新线路连接城市北部的居住区和南部的产业园区，开通后两地之间的通勤时间将从一个多小时缩短到四十分钟。",
        "十二号线采用全自动无人驾驶系统，列车可以自动完成出库、运行、停站和回库等全部流程。",
        "为方便乘客换乘，线路与既有的三条地铁线实现了站内换乘，换乘步行距离控制在一百五十米以内。",
        "车站设计融入了本地文化元素，有的车站以老街为主题，有的车站墙面展示了城市的发展历程。",
        "运营公司表示，开通初期高峰时段行车间隔为四分钟，后续将根据客流情况逐步加密。",
        "沿线居民对新线路充满期待。一位在园区上班的年轻人说，以后上班不用再挤公交，每天能多睡半个小时。",
        "配合地铁开通，公交部门调整了十余条公交线路，增加接驳站点，解决乘客出站后的最后一公里问题。",
        "据介绍，十二号线二期工程已经开工，建成后将向南延伸至高铁新城，进一步完善城市轨道交通网络。",
        "截至目前，本市轨道交通运营里程已超过四百公里，日均客运量突破五百万人次。",
    ),
    "transport-2": (
        "一条连接两座省会城市的高速铁路近日完成联调联试，预计将于年底前开通运营。",
        "这条高铁全长约三百公里，设计时速三百五十公里，开通后两地之间的最短旅行时间将压缩到一小时左右。",
        "线路穿越丘陵和河网地区，桥梁和隧道占比超过七成，施工难度较大，建设者攻克了多项技术难题。",
        "其中一座跨江特大桥主跨达到六百米，是目前同类型铁路桥梁中跨度最大的之一。",
        "沿线新建的八座车站大多位于县城，开通后这些地方将首次接入全国高铁网络。",
        "当地政府正在规划站前片区的开发，希望借助高铁带来的人流，发展商贸、物流和文化旅游产业。",
        "铁路部门表示，联调联试期间对轨道、供电和通信信号系统进行了全面检测，各项指标均达到设计要求。",
        "有沿线居民说，以前去省城要坐四个多小时大巴，以后当天往返不成问题，看病和办事都方便了。",
        "专家指出，高铁网络加密有助于促进区域协同发展，但站城融合和运营效率仍需要持续优化。",
        "据悉，开通初期每天将安排动车组列车三十对左右，票价方案将在开通前向社会公布。",
    ),
}


@dataclass(frozen=True)
class EvalDoc:
    source: str
    article: str
    kind: str
    text: str
    published: str


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert(text: str, config: str) -> str:
    return _converter(config).convert(text)


def variants(name: str, paras: tuple[str, ...], traditional: bool, rng: random.Random) -> dict:
    """The variant texts of one article, keyed by kind."""
    if traditional:
        paras = tuple(_convert(p, "s2t") for p in paras)
    base = "\n\n".join(paras)
    pick = rng.randrange(len(_BOILER_TOP))
    repost = "\n".join(
        (_BOILER_TOP[pick], *(p.translate(_HALF_WIDTH) for p in paras), _BOILER_END[pick])
    )
    dropped = set(rng.sample(range(1, len(paras)), max(1, round(len(paras) / 10))))
    edited = [p for i, p in enumerate(paras) if i not in dropped]
    edited.insert(rng.randrange(1, len(edited)), _ADDED[rng.randrange(len(_ADDED))])
    return {
        "base": base,
        "repost": repost,
        "script": _convert(base, "t2s" if traditional else "s2t"),
        "edited": "\n\n".join(edited),
        "teaser": base[: len(base) // 5],
        "half": "\n\n".join(paras[: len(paras) // 2]),
    }


def build(articles: dict[str, tuple[str, ...]], seed: int = 7) -> list[EvalDoc]:
    """Every variant of every article; every other article is given as a traditional original."""
    rng = random.Random(seed)
    docs = []
    for n, name in enumerate(sorted(articles)):
        for kind, text in variants(name, articles[name], n % 2 == 1, rng).items():
            docs.append(EvalDoc(f"{kind}/{name}.txt", name, kind, text, _DATES[kind]))
    return docs


def candidate(doc: EvalDoc) -> Candidate:
    """What the pipeline hands to dedup: t2s text fingerprinted, id hashed from it."""
    text = _convert(doc.text, "t2s")
    return Candidate(doc.source, dedup_key(text), len(text), doc.published, fingerprint(text))


def run_dedup(
    docs: list[EvalDoc], runs: int = 1, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, str]:
    """Kept-record id per source, over `runs` consecutive runs sharing one index."""
    cands = [candidate(d) for d in docs]
    random.Random(runs).shuffle(cands)
    conn = sqlite3.connect(":memory:")
    index = DedupIndex(conn, threshold)
    roots: dict[str, str] = {}
    for part in range(runs):
        batch = cands[part::runs]
        verdicts = index.resolve(batch)
        index.add([c for c in batch if c.source not in verdicts])
        conn.commit()
        for c in batch:
            roots[c.source] = verdicts[c.source].duplicate_of if c.source in verdicts else c.id
    return roots


def partition(roots: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for source, root in roots.items():
        groups[root].add(source)
    return {frozenset(g) for g in groups.values()}


def _topic(article: str) -> str:
    return article.rsplit("-", 1)[0]


def _pair_kinds(a: EvalDoc, b: EvalDoc) -> set[str]:
    if a.article != b.article:
        return {"unrelated"} if _topic(a.article) == _topic(b.article) else set()
    return {a.kind, b.kind} - {"base"}


def score(docs: list[EvalDoc], roots: dict[str, str]) -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) of "same cluster", per kind and "all"."""
    counts: dict[str, list[int]] = {k: [0, 0, 0] for k in (*KINDS, "all")}
    for a, b in combinations(docs, 2):
        truth = a.article == b.article and a.kind in SAME and b.kind in SAME
        said = roots[a.source] == roots[b.source]
        if truth or said:
            slot = 0 if truth and said else (1 if said else 2)
            for kind in _pair_kinds(a, b) | {"all"}:
                counts[kind][slot] += 1
    return {k: tuple(v) for k, v in counts.items()}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; each is 1 when there was nothing to get wrong."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_articles(folder: Path) -> dict[str, tuple[str, ...]]:
    """One article per .txt file, one paragraph per non-empty line."""
    articles = {}
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text("utf-8").splitlines()
        articles[path.stem] = tuple(line.strip() for line in lines if line.strip())
    return articles


def table(docs: list[EvalDoc], roots: dict[str, str]) -> str:
    lines = [f"{'kind':<10} {'TP':>5} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for kind, (tp, fp, fn) in score(docs, roots).items():
        p, r, f = prf(tp, fp, fn)
        lines.append(f"{kind:<10} {tp:>5} {fp:>4} {fn:>4} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    return "\n".join(lines)


def sweep(
    docs: list[EvalDoc], thresholds: tuple[float, ...] = (0.5, 0.6, 0.7, 0.75, 0.8, 0.9)
) -> str:
    lines = [f"{'threshold':<10} {'P':>6} {'R':>6} {'F1':>6}"]
    for threshold in thresholds:
        p, r, f = prf(*score(docs, run_dedup(docs, 1, threshold))["all"])
        lines.append(f"{threshold:<10} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, help="folder of .txt articles (default: built-in)")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--sweep", action="store_true", help="overall P/R/F1 per threshold")
    args = parser.parse_args(argv)
    docs = build(load_articles(args.articles) if args.articles else ARTICLES)
    single = run_dedup(docs, 1, args.threshold)
    print(f"{len(docs)} documents, threshold {args.threshold}")
    print(table(docs, single))
    same = partition(run_dedup(docs, 3, args.threshold)) == partition(single)
    print(f"three incremental runs give the same clusters as one run: {same}")
    if args.sweep:
        print(sweep(docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())

// The words of a statement's grammar that the sentence reader matches as they stand: the
// words of a growth statement's clause, thresholds, narrower measures, changes, other
// quantities, comparisons. Unlike the cue words (rules/cues.yaml, which users extend), they
// describe how the genre builds a sentence around a figure, and the reader's logic depends on
// each list as it is.
#pragma once

#include <string_view>

namespace kaohe::words {

// Before a second level of one indicator: a threshold it passed (405.3亿元，首次突破400亿元).
inline constexpr std::u32string_view kThreshold[] = {U"突破", U"超过", U"跨过", U"迈过", U"迈上"};

// After an indicator and before a figure: another quantity of the same subject (规上工业企业
// 实现利润总额…); the figures after it are not the indicator's.
inline constexpr std::u32string_view kOtherQuantity[] = {U"利润", U"税收",         U"营业收入",
                                                         U"营收", U"主营业务收入", U"能耗"};

// Just before an indicator's name: a narrower or derived measure (人均生产总值, 单位GDP能耗,
// 海洋生产总值, 现代服务业增加值, 区本级…, 市区… beside the whole city).
inline constexpr std::u32string_view kNarrowerBefore[] = {
    U"人均", U"单位", U"亩均", U"地均", U"万元", U"海洋", U"现代", U"本级", U"市区", U"工业"};

// In the clause before an indicator's name: a total or mean over several years (五年累计完成…).
inline constexpr std::u32string_view kMultiYearBefore[] = {U"累计", U"年均"};

// Between a level and the indicator: the figure is a change, not the level (比上年增加12亿元).
inline constexpr std::u32string_view kIncrement[] = {U"增加", U"减少", U"净增",
                                                     U"增收", U"减收", U"还多"};

// 全年 ends the reach of a part-of-the-year phrase (1—9月, 前三季度, 上半年: found by their form).
inline constexpr std::u32string_view kFullYear[] = {U"全年"};

// Words before a partial-year phrase that make it a comparison (比上半年提高…).
inline constexpr std::u32string_view kComparison[] = {U"比", U"较", U"与", U"同"};

// The other words of a growth statement's clause (，按可比价格计算，比上年增长5.1%).
inline constexpr std::u32string_view kGrowthStatement[] = {U"按可比价格计算",
                                                           U"按不变价格计算",
                                                           U"按自然口径计算",
                                                           U"按可比价",
                                                           U"可比价",
                                                           U"同口径",
                                                           U"自然口径",
                                                           U"口径",
                                                           U"计算",
                                                           U"比上年",
                                                           U"比去年",
                                                           U"较上年",
                                                           U"较去年",
                                                           U"同期",
                                                           U"比",
                                                           U"较",
                                                           U"上年",
                                                           U"去年",
                                                           U"全年",
                                                           U"分别",
                                                           U"实现",
                                                           U"完成",
                                                           U"为",
                                                           U"达到",
                                                           U"达",
                                                           U"是",
                                                           U"了",
                                                           U"的",
                                                           U"至",
                                                           U"收窄",
                                                           U"扩大",
                                                           U"约",
                                                           U"保持",
                                                           U"稳定在",
                                                           U"在",
                                                           U"总体",
                                                           U"名义",
                                                           U"实际",
                                                           U"(",
                                                           U")",
                                                           U"以上",
                                                           U"左右",
                                                           U"、",
                                                           U"和",
                                                           U"扣除",
                                                           U"剔除",
                                                           U"价格因素",
                                                           U"不可比因素",
                                                           U"因素",
                                                           U"后",
                                                           U"按",
                                                           U"现价",
                                                           U"速度",
                                                           U"幅度",
                                                           U"继续",
                                                           U"仍"};

// A second figure of one indicator on another basis (扣除留抵退税因素后, 剔除不可比因素后).
inline constexpr std::u32string_view kOtherBasis[] = {U"扣除", U"剔除"};

// The other words before a second figure of one indicator in a clause of its own.
inline constexpr std::u32string_view kSecondFigureWords[] = {
    U"首次", U"高于", U"低于", U"年初", U"年度", U"计划", U"力争", U"争取",
    U"突破", U"超过", U"跨过", U"迈过", U"迈上", U"大关", U"再"};

// Places a growth is compared with (增速与全国持平, 高于全省): not the year before.
inline constexpr std::u32string_view kPeerBase[] = {U"全国", U"全省", U"全市",
                                                    U"全区", U"全州", U"平均"};

}  // namespace kaohe::words

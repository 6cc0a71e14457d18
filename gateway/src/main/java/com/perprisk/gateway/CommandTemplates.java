package com.perprisk.gateway;

import com.perprisk.engine.command.CommandType;
import com.perprisk.protocol.sbe.AdjustIsolatedMarginDecoder;
import com.perprisk.protocol.sbe.DefineInstrumentDecoder;
import com.perprisk.protocol.sbe.DepositDecoder;
import com.perprisk.protocol.sbe.FillDecoder;
import com.perprisk.protocol.sbe.FundingRateDecoder;
import com.perprisk.protocol.sbe.LiquidationFillDecoder;
import com.perprisk.protocol.sbe.MarkPriceDecoder;
import com.perprisk.protocol.sbe.PreTradeCheckDecoder;
import com.perprisk.protocol.sbe.QueryAccountDecoder;
import com.perprisk.protocol.sbe.SetLeverageDecoder;
import com.perprisk.protocol.sbe.SetLiquidatorDecoder;
import com.perprisk.protocol.sbe.SetMarginModeDecoder;
import com.perprisk.protocol.sbe.WithdrawDecoder;

/** The one mapping between the engine's command codes and the schema's command template ids. Stateless. */
final class CommandTemplates
{
    private static final int[] TEMPLATE_BY_TYPE = new int[CommandType.SET_LIQUIDATOR + 1];

    static
    {
        TEMPLATE_BY_TYPE[CommandType.DEFINE_INSTRUMENT] = DefineInstrumentDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.DEPOSIT] = DepositDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.WITHDRAW] = WithdrawDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.FILL] = FillDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.ADJUST_ISOLATED_MARGIN] = AdjustIsolatedMarginDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.SET_LEVERAGE] = SetLeverageDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.SET_MARGIN_MODE] = SetMarginModeDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.MARK_PRICE] = MarkPriceDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.FUNDING_RATE] = FundingRateDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.LIQUIDATION_FILL] = LiquidationFillDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.PRE_TRADE_CHECK] = PreTradeCheckDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.QUERY_ACCOUNT] = QueryAccountDecoder.TEMPLATE_ID;
        TEMPLATE_BY_TYPE[CommandType.SET_LIQUIDATOR] = SetLiquidatorDecoder.TEMPLATE_ID;
    }

    private CommandTemplates()
    {
    }

    /** @param type an engine command code @return the template id of the command that carries it, 0 if none */
    static int templateOf(final byte type)
    {
        return type > 0 && type < TEMPLATE_BY_TYPE.length ? TEMPLATE_BY_TYPE[type] : 0;
    }

    /** @param type an engine command code @return true if its effects are state changes published on the risk feed */
    static boolean publishesToFeed(final byte type)
    {
        return type != CommandType.PRE_TRADE_CHECK && type != CommandType.QUERY_ACCOUNT;
    }

    /**
     * @param type an engine command code
     * @return true if its risk events also go back to the session that sent it; false for the admin's market-wide
     *         commands (marks, funding, instruments), whose effects on every account go to the feed only
     */
    static boolean echoesEventsToOrigin(final byte type)
    {
        return type != CommandType.MARK_PRICE && type != CommandType.FUNDING_RATE &&
            type != CommandType.DEFINE_INSTRUMENT && type != CommandType.SET_LIQUIDATOR;
    }
}

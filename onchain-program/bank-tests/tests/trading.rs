//! Positions, fills signed by the fill authority, marks, funding and isolated margin in a real bank.

use perp_risk_bank_tests::*;
use solana_sdk::signature::Keypair;
use solana_sdk::signer::Signer;

#[tokio::test]
async fn position_fill_mark_and_funding() {
    let mut world = World::new().await;
    let user = world.funded_user(10_000).await;
    let ok = world.create_position(&user, BTC, position::CROSS, 10).await.expect("position");
    assert_eq!((ok.events[0][0], ok.events[0].len()), (event::POSITION_CREATED, 73));
    let key = World::position_key(&user, BTC);
    assert_eq!(world.owner(&key).await, PROGRAM_ID);

    // Long 1 BTC at 50,000, signed by the fill authority: fee 0.05% = 25.
    let ok = world.trade(&user, BTC, UNIT, 50_000 * PRICE).await.expect("fill");
    let p = world.position(&user, BTC).await;
    assert_eq!((p.size, p.entry_price, p.state, p.owner), (UNIT, 50_000 * PRICE, position::OPEN, user.wallet.pubkey()));
    assert_eq!(world.margin(&user).await.collateral, 10_000 * USDC - 25 * USDC);
    let market = world.market(BTC).await;
    assert_eq!((market.open_interest_long, market.fee_pool), (UNIT, 25 * USDC));
    assert_eq!((ok.events[0][0], ok.events[0].len(), ok.events[0][68]), (event::POSITION_CHANGED, 166, 1));

    // Funding at 0.01% moves the index by 5 quote per unit; the next fill settles it (the long pays 5).
    let ok = world.update_funding(BTC, 10_000, 0).await.expect("funding");
    assert_eq!(world.market(BTC).await.funding_index, 5_000_000_000_000);
    assert_eq!(ok.events[0][0], event::FUNDING_UPDATED);

    // A new mark, then the long is reduced by half at 51,000: realized +500, fee 12.75, funding 5.
    let ok = world.set_mark(BTC, 51_000 * PRICE).await.expect("mark");
    assert_eq!(ok.events[0][0], event::MARK_PRICE_UPDATED);
    let slot = slot(&mut world.ctx).await;
    let market = world.market(BTC).await;
    assert_eq!((market.mark_price, market.mark_slot), (51_000 * PRICE, slot));
    world.trade(&user, BTC, -UNIT / 2, 51_000 * PRICE).await.expect("reduce");
    let p = world.position(&user, BTC).await;
    assert_eq!((p.size, p.entry_price, p.realized_pnl), (UNIT / 2, 50_000 * PRICE, 500 * USDC));
    let m = world.margin(&user).await;
    assert_eq!(m.funding_paid, 5 * USDC);
    assert_eq!(m.collateral, 10_000 * USDC - 25 * USDC + 500 * USDC - 12_750_000 - 5 * USDC);
}

#[tokio::test]
async fn fills_need_the_fill_authority_signature() {
    let mut world = World::new().await;
    let user = world.funded_user(10_000).await;
    world.create_position(&user, BTC, position::CROSS, 10).await.expect("position");
    let filler = world.filler.pubkey();

    // The fill authority listed but not signing.
    let mut ix = world.trade_ix(&user, BTC, UNIT, 50_000 * PRICE, filler).await;
    ix.accounts[0] = r(filler);
    assert_eq!(world.send(&[ix], &[]).await.unwrap_err().code(), err::MISSING_SIGNATURE);

    // A real signature, but by a key that is not the market's fill authority (e.g. the owner themselves).
    let ix = world.trade_ix(&user, BTC, UNIT, 50_000 * PRICE, user.wallet.pubkey()).await;
    assert_eq!(world.send(&[ix], &[&user.wallet]).await.unwrap_err().code(), err::UNAUTHORIZED);
    let stranger = Keypair::new();
    let ix = world.trade_ix(&user, BTC, UNIT, 50_000 * PRICE, stranger.pubkey()).await;
    assert_eq!(world.send(&[ix], &[&stranger]).await.unwrap_err().code(), err::UNAUTHORIZED);

    assert_eq!(world.position(&user, BTC).await.size, 0, "nothing changed");
    world.trade(&user, BTC, UNIT, 50_000 * PRICE).await.expect("the real fill authority");
}

#[tokio::test]
async fn stale_oracle_after_warping_the_bank_clock() {
    let mut world = World::new().await;
    let user = world.funded_user(10_000).await;
    world.create_position(&user, BTC, position::CROSS, 10).await.expect("position");
    let mark_slot = world.market(BTC).await.mark_slot;

    // Warp the bank so that the mark is older than the staleness limit (50 slots).
    let now = slot(&mut world.ctx).await;
    world.ctx.warp_to_slot(mark_slot + STALENESS + 1).expect("warp");
    assert!(slot(&mut world.ctx).await > now);
    let ix = world.trade_ix(&user, BTC, UNIT / 10, 50_000 * PRICE, world.filler.pubkey()).await;
    let filler = world.filler.insecure_clone();
    let stale = send_in_current_slot(&mut world.ctx, &[ix], &[&filler]).await.unwrap_err();
    assert_eq!(stale.code(), err::STALE_ORACLE);
    assert_eq!(world.update_funding(BTC, 10_000, 0).await.unwrap_err().code(), err::STALE_ORACLE);
    assert_eq!(world.withdraw(&user, USDC as u64).await.expect("no open position: no mark needed").events.len(), 1);

    // An oracle update published too long ago is refused as well.
    let now = advance(&mut world.ctx, 1).await;
    let oracle = world.oracle.insecure_clone();
    let old = world.mark_ix(BTC, 50_000 * PRICE, 0, now - STALENESS - 1);
    assert_eq!(send_in_current_slot(&mut world.ctx, &[old], &[&oracle]).await.unwrap_err().code(), err::STALE_ORACLE);

    // A fresh mark opens trading again.
    world.set_mark(BTC, 50_000 * PRICE).await.expect("fresh mark");
    world.trade(&user, BTC, UNIT / 10, 50_000 * PRICE).await.expect("fill with a fresh mark");
}

#[tokio::test]
async fn isolated_margin_add_and_remove() {
    let mut world = World::new().await;
    let user = world.funded_user(10_000).await;
    world.create_position(&user, BTC, position::ISOLATED, 10).await.expect("position");
    world.trade(&user, BTC, UNIT, 50_000 * PRICE).await.expect("open: wallet 5,000");
    assert_eq!(world.position(&user, BTC).await.isolated_margin, 5_000 * USDC);
    let ok = world.add_isolated_margin(&user, BTC, 1_000 * USDC as u64).await.expect("add");
    assert_eq!(world.position(&user, BTC).await.isolated_margin, 6_000 * USDC);
    assert_eq!(world.margin(&user).await.collateral, 10_000 * USDC - 25 * USDC - 6_000 * USDC);
    assert_eq!((ok.events[0][0], ok.events[0].len()), (event::ISOLATED_MARGIN_CHANGED, 100));

    // Initial margin at the mark is 5,000: 1,000 can come out, not a unit more.
    let refused = world.remove_isolated_margin(&user, BTC, 1_000 * USDC as u64 + 1).await.unwrap_err();
    assert_eq!(refused.code(), err::INSUFFICIENT_MARGIN);
    world.remove_isolated_margin(&user, BTC, 1_000 * USDC as u64).await.expect("remove to exactly initial margin");
    assert_eq!(world.position(&user, BTC).await.isolated_margin, 5_000 * USDC);
    assert_eq!(world.margin(&user).await.collateral, 10_000 * USDC - 25 * USDC - 5_000 * USDC);

    // Not the owner: another user's signature on this position.
    let other = world.funded_user(100).await;
    let mut ix = world.isolated_ix(&user, BTC, USDC as u64, true);
    ix.accounts[0] = rs(other.wallet.pubkey());
    assert_eq!(world.send(&[ix], &[&other.wallet]).await.unwrap_err().code(), err::UNAUTHORIZED);
}

#[tokio::test]
async fn forged_market_accounts_are_refused() {
    let mut world = World::new().await;
    let market_key = World::market_key(BTC);
    let original = world.ctx.banks_client.get_account(market_key).await.expect("get").expect("market");
    let oracle = world.oracle.insecure_clone();

    // A byte-for-byte copy of the market owned by another program (here: SPL Token).
    let foreign = Keypair::new().pubkey();
    let mut copy = original.clone();
    copy.owner = token_program();
    world.ctx.set_account(&foreign, &copy.into());
    let now = advance(&mut world.ctx, 1).await;
    let mut ix = world.mark_ix(BTC, 50_000 * PRICE, 0, now);
    ix.accounts[1] = w(foreign);
    assert_eq!(send_in_current_slot(&mut world.ctx, &[ix], &[&oracle]).await.unwrap_err().code(), err::WRONG_ACCOUNT_OWNER);

    // A perfect copy, owned by the program, at an address that is not the market's PDA.
    let fake = Keypair::new().pubkey();
    world.ctx.set_account(&fake, &original.clone().into());
    let now = advance(&mut world.ctx, 1).await;
    let mut ix = world.mark_ix(BTC, 50_000 * PRICE, 0, now);
    ix.accounts[1] = w(fake);
    assert_eq!(send_in_current_slot(&mut world.ctx, &[ix], &[&oracle]).await.unwrap_err().code(), err::WRONG_PROGRAM_ADDRESS);

    // The oracle authority must sign; a fill authority's signature is not an oracle's.
    let now = advance(&mut world.ctx, 1).await;
    let mut ix = world.mark_ix(BTC, 50_000 * PRICE, 0, now);
    ix.accounts[0] = r(oracle.pubkey());
    assert_eq!(send_in_current_slot(&mut world.ctx, &[ix], &[]).await.unwrap_err().code(), err::MISSING_SIGNATURE);
    let filler = world.filler.insecure_clone();
    let now = advance(&mut world.ctx, 1).await;
    let mut ix = world.mark_ix(BTC, 50_000 * PRICE, 0, now);
    ix.accounts[0] = rs(filler.pubkey());
    assert_eq!(send_in_current_slot(&mut world.ctx, &[ix], &[&filler]).await.unwrap_err().code(), err::UNAUTHORIZED);
}

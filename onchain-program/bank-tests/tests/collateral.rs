//! Deposits and withdrawals through the real SPL Token program: token balances of the user's account and the
//! vault are read back from the bank.

use perp_risk_bank_tests::*;
use solana_sdk::signer::Signer;

#[tokio::test]
async fn deposit_and_withdraw_move_real_tokens_between_the_user_and_the_vault() {
    let mut world = World::new().await;
    let user = world.user(1_000 * USDC as u64).await;
    let ok = world.deposit(&user, 600 * USDC as u64).await.expect("deposit");
    assert_eq!(world.token_balance(&user.tokens.clone()).await, 400 * USDC as u64);
    assert_eq!(world.token_balance(&world.vault.clone()).await, 600 * USDC as u64);
    assert_eq!(world.margin(&user).await.collateral, 600 * USDC);
    assert_eq!((ok.events[0][0], ok.events[0].len()), (event::COLLATERAL_DEPOSITED, 50));
    assert!(ok.logs.iter().any(|l| l.contains("Tokenkeg") && l.contains("invoke [2]")), "SPL Token ran as a CPI: {:#?}", ok.logs);

    // The withdrawal is signed by the vault-authority PDA: the real token program accepts the program's signature.
    let ok = world.withdraw(&user, 250 * USDC as u64).await.expect("withdraw");
    assert_eq!(world.token_balance(&user.tokens.clone()).await, 650 * USDC as u64);
    assert_eq!(world.token_balance(&world.vault.clone()).await, 350 * USDC as u64);
    assert_eq!(world.margin(&user).await.collateral, 350 * USDC);
    assert_eq!(ok.events[0][0], event::COLLATERAL_WITHDRAWN);
    assert_eq!(event_i64(&ok.events[0], 42), 350 * USDC, "collateral after");

    assert_eq!(world.withdraw(&user, 350 * USDC as u64 + 1).await.unwrap_err().code(), err::INSUFFICIENT_COLLATERAL);
    assert_eq!(world.token_balance(&world.vault.clone()).await, 350 * USDC as u64, "a refused withdrawal moves nothing");
}

#[tokio::test]
async fn withdraw_is_refused_when_it_would_breach_initial_margin() {
    let mut world = World::new().await;
    let user = world.funded_user(1_000).await;
    world.create_position(&user, BTC, position::CROSS, 10).await.expect("position");
    // 0.1 BTC at 50,000 = 5,000 notional; initial margin at 10x = 500; taker fee 2.5.
    world.trade(&user, BTC, 10_000_000, 50_000 * PRICE).await.expect("open");
    let collateral = world.margin(&user).await.collateral;
    assert_eq!(collateral, 1_000 * USDC - 2_500_000);
    let free = (collateral - 500 * USDC) as u64;
    let refused = world.withdraw(&user, free + 1).await.unwrap_err();
    assert_eq!(refused.code(), err::INSUFFICIENT_MARGIN);
    assert_eq!(world.token_balance(&world.vault.clone()).await, 1_000 * USDC as u64);
    world.withdraw(&user, free).await.expect("exactly the free collateral");
    assert_eq!(world.token_balance(&user.tokens.clone()).await, free);
    assert_eq!(world.withdraw(&user, 1).await.unwrap_err().code(), err::INSUFFICIENT_MARGIN);
}

#[tokio::test]
async fn deposit_rejections_in_the_bank() {
    let mut world = World::new().await;
    let user = world.user(100 * USDC as u64).await;
    let other = world.user(100 * USDC as u64).await;

    // The owner's signature is missing (the account is listed read-only, unsigned).
    let mut ix = world.deposit_ix(&user, USDC as u64);
    ix.accounts[0] = r(user.wallet.pubkey());
    assert_eq!(world.send(&[ix], &[]).await.unwrap_err().code(), err::MISSING_SIGNATURE);

    // A token account in the margin account's place: not owned by the program.
    let mut ix = world.deposit_ix(&user, USDC as u64);
    ix.accounts[1] = w(user.tokens);
    assert_eq!(world.send(&[ix], &[&user.wallet]).await.unwrap_err().code(), err::WRONG_ACCOUNT_OWNER);

    // Another token account in the vault's place.
    let mut ix = world.deposit_ix(&user, USDC as u64);
    ix.accounts[4] = w(other.tokens);
    assert_eq!(world.send(&[ix], &[&user.wallet]).await.unwrap_err().code(), err::WRONG_VAULT);

    // Depositing from someone else's token account: the program lets the real SPL Token program decide, and it
    // refuses the transfer (TokenError::OwnerMismatch = 4), so nothing moves.
    let mut ix = world.deposit_ix(&user, USDC as u64);
    ix.accounts[3] = w(other.tokens);
    assert_eq!(world.send(&[ix], &[&user.wallet]).await.unwrap_err().code(), 4);
    // More than the token balance: SPL Token's InsufficientFunds (1).
    assert_eq!(world.deposit(&user, 100 * USDC as u64 + 1).await.unwrap_err().code(), 1);
    assert_eq!(world.token_balance(&other.tokens.clone()).await, 100 * USDC as u64);
    assert_eq!(world.token_balance(&world.vault.clone()).await, 0);
    assert_eq!(world.margin(&user).await.collateral, 0);
}

#[tokio::test]
async fn withdraw_rejections_in_the_bank() {
    let mut world = World::new().await;
    let user = world.funded_user(1_000).await;
    let other = world.funded_user(1_000).await;

    // Someone else's margin account (a real PDA of the program, for another owner).
    let mut ix = world.withdraw_ix(&user, USDC as u64).await;
    ix.accounts[1] = w(other.margin);
    assert_eq!(world.send(&[ix], &[&user.wallet]).await.unwrap_err().code(), err::UNAUTHORIZED);

    // The user's own wallet in place of the vault-authority PDA: the program cannot sign for it.
    let mut ix = world.withdraw_ix(&user, USDC as u64).await;
    ix.accounts[5] = r(user.wallet.pubkey());
    assert_eq!(world.send(&[ix], &[&user.wallet]).await.unwrap_err().code(), err::WRONG_VAULT);

    // Unsigned.
    let mut ix = world.withdraw_ix(&user, USDC as u64).await;
    ix.accounts[0] = r(user.wallet.pubkey());
    assert_eq!(world.send(&[ix], &[]).await.unwrap_err().code(), err::MISSING_SIGNATURE);

    assert_eq!(world.token_balance(&world.vault.clone()).await, 2_000 * USDC as u64);
}

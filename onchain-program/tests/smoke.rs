mod harness;
use harness::fixture::*;

#[test]
fn world_builds() {
    let mut world = World::new();
    let user = world.funded_user(10_000);
    assert_eq!(world.margin(&user).collateral, 10_000 * USDC);
}

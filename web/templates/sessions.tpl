{{%AUTOESCAPE context="HTML"}}<section class="panel" aria-labelledby="h-sessions" id="sessions">
<h2 id="h-sessions">نشست‌های باز</h2>
{{#ENDED_ALL}}<p class="notice ok" role="status">{{ENDED_COUNT}} نشست همان دم بسته شد: هر جا با آن‌ها وارد شده بودند، درخواست بعدی‌شان به صفحه ورود می‌رود.</p>{{/ENDED_ALL}}
{{#NONE_ENDED}}<p class="notice" role="status">نشست دیگری باز نبود که بسته شود.</p>{{/NONE_ENDED}}
{{#OWN}}<p class="muted">هر جا که با این حساب وارد شده‌اید: مرورگرها و برنامه‌هایی که با توکن کار می‌کنند. اگر یکی را نمی‌شناسید، آن را ببندید و گذرواژه را عوض کنید.</p>{{/OWN}}
{{#OTHERS}}<p class="muted">هر جا که این کاربر با حسابش وارد شده است. بستن یک نشست گذرواژه را عوض نمی‌کند؛ اگر گذرواژه به دست دیگری افتاده، گذرواژه تازه بدهید.</p>{{/OTHERS}}
{{#MAY_END_ALL}}<form method="post" action="{{END_PATH}}/end" class="end-all"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{#EVERY_OTHER}}بستن همه نشست‌های دیگر{{/EVERY_OTHER}}{{#EVERY_ONE}}بستن همه نشست‌های این کاربر{{/EVERY_ONE}}</button></form>{{/MAY_END_ALL}}
<ul class="plain sessions">{{#SESSION}}<li>
<div><strong><bdi>{{DEVICE}}</bdi></strong>{{#CURRENT}} <span class="tag ok">همین نشست</span>{{/CURRENT}}</div>
<div class="muted">ورود <time datetime="{{SINCE_ISO}}">{{SINCE}}</time>{{#HAS_CLIENT}} از نشانی <bdi dir="ltr">{{CLIENT}}</bdi>{{/HAS_CLIENT}}؛ اعتبار تا <time datetime="{{UNTIL_ISO}}">{{UNTIL}}</time></div>
{{#USED}}<div class="muted">آخرین استفاده <time datetime="{{AT_ISO}}">{{AT}}</time>{{#HAS_CLIENT}} از نشانی <bdi dir="ltr">{{CLIENT}}</bdi>{{/HAS_CLIENT}}{{#MOVED}} <span class="tag warn">نشانی دیگری جز نشانی ورود</span>{{/MOVED}}</div>{{/USED}}
{{#HAS_USER_AGENT}}<div class="muted agent" dir="ltr">{{USER_AGENT}}</div>{{/HAS_USER_AGENT}}
{{#MAY_END}}<form method="post" action="{{END_PATH}}/{{ID}}/end"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">بستن این نشست</button></form>{{/MAY_END}}
</li>{{/SESSION}}</ul>
{{#NONE}}<p>نشست بازی نیست.</p>{{/NONE}}
</section>

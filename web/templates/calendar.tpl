{{%AUTOESCAPE context="HTML"}}<h1>جلسه‌ها و مهلت‌ها در برنامه تقویم شما</h1>
<section class="panel" aria-labelledby="h-about">
<h2 id="h-about">چه چیزی در تقویم می‌آید</h2>
<ul>
<li>جلسه‌های کمیسیون مشترک حقوقی، از سه ماه پیش به بعد، با ساعت تهران و محل جلسه؛</li>
<li>برای مدیر حقوقی شهر عضو کمیسیون: آخرین روز نظرخواهی دستور هر جلسه، تا وقتی باز است، با یادآوری اگر شهر شما هنوز پیشنهاد یا رتبه‌بندی نداده است؛</li>
<li>مهلت خلأها و طرح‌ها و لوایحی که شما می‌بینید، در سه ماه پیش رو، هر یک در روز خود؛</li>
<li>عنوان خلأ محرمانه در تقویم نمی‌آید و تنها شناسه آن نوشته می‌شود، چون تقویم شما ممکن است بیرون از این سامانه نگه‌داری شود.</li>
</ul>
<p class="muted">برنامه تقویم هر ساعت یک بار نشانی را می‌خواند. نشانی مانند گذرواژه است: هر کس آن را داشته باشد، همین موارد را می‌بیند.</p>
</section>
{{#NEW_FEED}}<section class="panel notice ok" aria-labelledby="h-new" role="status">
<h2 id="h-new">نشانی تازه تقویم شما</h2>
<p>این نشانی تنها همین یک بار نشان داده می‌شود؛ آن را اکنون در برنامه تقویم (Google Calendar، Outlook، Thunderbird، تقویم گوشی) با گزینه «افزودن تقویم از نشانی» وارد کنید. نشانی پیشین دیگر کار نمی‌کند.</p>
<p><label for="f-feed">نشانی</label><input type="text" id="f-feed" readonly dir="ltr" value="{{FEED_URL}}"></p>
<p><a class="button secondary" href="{{WEBCAL_URL}}">باز کردن در برنامه تقویم</a></p>
</section>{{/NEW_FEED}}
<form class="panel" method="post" action="/calendar/feed">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>نشانی تقویم</h2>
<p>با ساختن نشانی تازه، نشانی پیشین (اگر بود) همان دم از کار می‌افتد؛ اگر نشانی به دست دیگری افتاده است همین کار را بکنید.</p>
<button type="submit">ساختن نشانی تازه</button>
</form>

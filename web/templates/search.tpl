{{%AUTOESCAPE context="HTML"}}<h1>جست‌وجو</h1>
<form class="panel filters" method="get" action="/search" role="search">
<div class="wide"><label for="f-q">در خلأها، پیش‌نویس‌ها، آرا، نظرهای مشورتی و درخواست‌های وحدت رویه</label><input type="search" id="f-q" name="q" value="{{Q}}"></div>
<div><label for="f-type">نوع</label><select id="f-type" name="type"><option value="">همه</option>{{#TYPE_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_CHOICE}}</select></div>
<div><button type="submit">جست‌وجو</button></div>
</form>
{{#RESULTS}}<section class="panel" aria-labelledby="h-results">
<h2 id="h-results">{{TOTAL}} نتیجه</h2>
{{#NONE}}<p>چیزی پیدا نشد. واژه‌های کمتر یا دیگری را بیازمایید.</p>{{/NONE}}
{{#RESULT}}<article class="result">
<p><span class="tag">{{TYPE_LABEL}}</span> <span class="ref">{{REFERENCE}}</span> <a href="{{LINK}}">{{TITLE}}</a> <span class="muted">{{CITY}}</span></p>
<p>{{#SNIPPET}}{{#HIT}}<mark>{{TEXT}}</mark>{{/HIT}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/SNIPPET}}</p>
</article>{{/RESULT}}
{{#NEXT}}<p><a href="{{NEXT_LINK}}" rel="next">نتیجه‌های بیشتر</a></p>{{/NEXT}}
</section>{{/RESULTS}}
